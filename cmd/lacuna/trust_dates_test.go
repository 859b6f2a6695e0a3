package main

import (
	"strings"
	"testing"
)

// TestImpossibleDates: every date flag refuses a day the calendar does
// not have (exit 2, naming the flag), as corpus validate does in front
// matter; before, "--as-of 2013-13-01" reached a PDF cover.
func TestImpossibleDates(t *testing.T) {
	for _, tc := range []struct {
		flag string
		args []string
	}{
		{"--as-of", []string{"analyze", "--country", "XEA", "--as-of", "2013-13-01"}},
		{"--as-of", []string{"brief", "--country", "XEA", "--format", "md", "-o", "-", "--as-of", "2023-02-30"}},
		{"--as-of", []string{"compare", "XEA", "XFR", "--as-of", "2013-00-10"}},
		{"--as-of", []string{"search", "trafficking", "--as-of", "2021-04-31"}},
		{"--from", []string{"diff", "--country", "XEA", "--from", "2012-13-45", "--to", "2020-01-01"}},
		{"--to", []string{"diff", "--country", "XEA", "--from", "2012-01-01", "--to", "2019-02-29"}},
	} {
		code, out, e := runAllCLI(t, nil, tc.args...)
		if code != exitInput || !strings.Contains(e, tc.flag) || out != "" {
			t.Errorf("%v: exit %d, stdout %d bytes: %s", tc.args, code, len(out), e)
		}
	}
	// real days still pass: a leap day, a year for diff
	for _, args := range [][]string{
		{"analyze", "--country", "XEA", "--as-of", "2020-02-29", "-q"},
		{"diff", "--country", "XEA", "--from", "2012", "--to", "2024-01-01"},
	} {
		if code, _, e := runAllCLI(t, nil, args...); code > 1 {
			t.Errorf("%v: exit %d: %s", args, code, e)
		}
	}
}
