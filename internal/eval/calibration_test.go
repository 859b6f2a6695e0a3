package eval

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/score"
)

// Findings fall into the band of their confidence; flagged and unflagged
// findings and each feature are tallied apart, and the flagged share is
// over all findings with a confidence.
func TestCalibration(t *testing.T) {
	find := func(v float64, review bool, feats map[string]bool) *score.Finding {
		f := &score.Finding{Confidence: &score.Confidence{Value: v, Features: feats}}
		if review {
			f.Review = &score.Review{Needed: true}
		}
		return f
	}
	var c Calibration
	c.add(find(0.3, true, map[string]bool{"frame": false}), false)
	c.add(find(0.79, false, map[string]bool{"frame": true}), true)
	c.add(find(0.85, false, nil), false)
	c.add(find(0.96, false, map[string]bool{"frame": true}), true)
	c.add(find(0.97, false, nil), true)
	c.add(&score.Finding{}, true) // no confidence: not counted
	want := []Tally{{0, 1}, {1, 1}, {0, 1}, {0, 0}, {2, 2}}
	for i, w := range want {
		if c.Band[i] != w {
			t.Errorf("band %s: %+v, want %+v", Bands[i].Label, c.Band[i], w)
		}
	}
	if c.Flagged != (Tally{0, 1}) || c.Unflagged != (Tally{3, 4}) {
		t.Errorf("flagged %+v, unflagged %+v", c.Flagged, c.Unflagged)
	}
	if c.FlaggedShare() != 20 {
		t.Errorf("flagged share %v, want 20", c.FlaggedShare())
	}
	if *c.FeatureOn["frame"] != (Tally{2, 2}) || *c.FeatureOff["frame"] != (Tally{0, 1}) {
		t.Errorf("frame on %+v, off %+v", *c.FeatureOn["frame"], *c.FeatureOff["frame"])
	}
	var b strings.Builder
	c.write(&b)
	for _, s := range []string{"agreement by confidence (core IDs)", "  >= 0.95           2/2    = 100.0%", "review needed     0/1", "flagged share  20.0%", "frame                   2/2    = 100.0%      0/1    =   0.0%"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}
