package eval

import (
	"fmt"
	"io"
	"sort"

	"github.com/lacuna-project/lacuna/internal/score"
)

// Bands are the confidence bands of the calibration table: a finding falls
// in the first band whose upper bound exceeds its confidence.
var Bands = []struct {
	Label string
	Below float64
}{{"< 0.5", 0.5}, {"0.5–0.8", 0.8}, {"0.8–0.9", 0.9}, {"0.9–0.95", 0.95}, {">= 0.95", 2}}

// Calibration tallies agreement with the gold by confidence band, by
// review flag and by confidence feature, over core IDs.
type Calibration struct {
	Band                  []Tally // by Bands
	Flagged, Unflagged    Tally
	FeatureOn, FeatureOff map[string]*Tally
}

func (c *Calibration) add(f *score.Finding, ok bool) {
	if f == nil || f.Confidence == nil {
		return
	}
	if c.Band == nil {
		c.Band = make([]Tally, len(Bands))
		c.FeatureOn, c.FeatureOff = map[string]*Tally{}, map[string]*Tally{}
	}
	for i, b := range Bands {
		if f.Confidence.Value < b.Below {
			c.Band[i].add(ok)
			break
		}
	}
	if f.Review != nil && f.Review.Needed {
		c.Flagged.add(ok)
	} else {
		c.Unflagged.add(ok)
	}
	for k, on := range f.Confidence.Features {
		m := c.FeatureOff
		if on {
			m = c.FeatureOn
		}
		if m[k] == nil {
			m[k] = &Tally{}
		}
		m[k].add(ok)
	}
}

// FlaggedShare is the share of findings flagged for review, 0–100.
func (c *Calibration) FlaggedShare() float64 {
	n := c.Flagged.Total + c.Unflagged.Total
	if n == 0 {
		return 0
	}
	return 100 * float64(c.Flagged.Total) / float64(n)
}

func (c *Calibration) write(w io.Writer) {
	if c.Band == nil {
		return
	}
	fmt.Fprintf(w, "\nagreement by confidence (core IDs)\n")
	for i, b := range Bands {
		t := c.Band[i]
		fmt.Fprintf(w, "  %-14s %4d/%-4d = %5.1f%%\n", b.Label, t.Agree, t.Total, t.Pct())
	}
	fmt.Fprintf(w, "  %-14s %4d/%-4d = %5.1f%%\n", "unflagged", c.Unflagged.Agree, c.Unflagged.Total, c.Unflagged.Pct())
	fmt.Fprintf(w, "  %-14s %4d/%-4d = %5.1f%%\n", "review needed", c.Flagged.Agree, c.Flagged.Total, c.Flagged.Pct())
	fmt.Fprintf(w, "  flagged share  %.1f%%\n", c.FlaggedShare())
	keys := make([]string, 0, len(c.FeatureOn)+len(c.FeatureOff))
	for k := range c.FeatureOn {
		keys = append(keys, k)
	}
	for k := range c.FeatureOff {
		if c.FeatureOn[k] == nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "agreement by confidence feature (holds / fails)\n")
	for _, k := range keys {
		on, off := Tally{}, Tally{}
		if t := c.FeatureOn[k]; t != nil {
			on = *t
		}
		if t := c.FeatureOff[k]; t != nil {
			off = *t
		}
		fmt.Fprintf(w, "  %-20s %4d/%-4d = %5.1f%%   %4d/%-4d = %5.1f%%\n", k, on.Agree, on.Total, on.Pct(), off.Agree, off.Total, off.Pct())
	}
}
