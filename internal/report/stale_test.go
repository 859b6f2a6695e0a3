package report

import (
	"strings"
	"testing"
)

// A reviewer decision that no longer applies (the law or the machine
// verdict changed since) is reported as needing a re-review, in the review
// status and in the reviewer log, never as a current decision.
func TestStaleReview(t *testing.T) {
	in := fixture()
	for i := range in.Result.Findings {
		if o := in.Result.Findings[i].Override; o != nil {
			o.Stale = []string{"statute xta/act is now version 2024-01-01 (decided on 2020-01-01)"}
		}
	}
	for i := range in.Result.Overrides {
		in.Result.Overrides[i].Stale = []string{"statute xta/act is now version 2024-01-01 (decided on 2020-01-01)"}
	}
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.ReviewStatus, "1 review(s) need a re-review") {
		t.Errorf("review status %q", b.ReviewStatus)
	}
	if len(b.Reviews) != 1 || !strings.Contains(b.Reviews[0].Stale, "now version 2024-01-01") {
		t.Errorf("reviewer log %+v", b.Reviews)
	}
}
