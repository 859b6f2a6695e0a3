package score

import (
	"fmt"

	"github.com/lacuna-project/lacuna/internal/reason"
)

// RenderReasons sets every text of r that a reason stands for from the
// catalogue c: each finding's Explanation, its check labels (Found and
// Missing), its review reasons' Text, its nearest provisions' Notes and
// its NearestNone, and, in a language other than English, the score
// computation lines (Scores.Explain). A finding without a
// reason code (a run saved before findings carried them) or a reason c
// cannot render is an error naming the requirement.
func (r *Result) RenderReasons(c *reason.Catalogue) error {
	// the English lines are written by scores itself (with %.1f); other
	// languages render them from their codes
	if c.Lang != "en" && len(r.Scores.ExplainReasons) > 0 && len(r.Scores.ExplainReasons) == len(r.Scores.Explain) {
		ex := make([]string, len(r.Scores.ExplainReasons))
		for i, x := range r.Scores.ExplainReasons {
			s, err := c.Render(x)
			if err != nil {
				return fmt.Errorf("scores: %w", err)
			}
			ex[i] = s
		}
		r.Scores.Explain = ex
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Reason.Code == "" {
			return fmt.Errorf("requirement %s: no reason code to render in %q (a run saved before reason codes; analyse again)", f.Requirement, c.Lang)
		}
		s, err := c.Render(f.Reason)
		if err != nil {
			return fmt.Errorf("requirement %s: %w", f.Requirement, err)
		}
		f.Explanation = s
		for _, l := range []struct {
			codes  []reason.Reason
			labels *[]string
			what   string
		}{{f.FoundReasons, &f.Found, "found"}, {f.MissingReasons, &f.Missing, "missing"}} {
			if len(l.codes) == 0 {
				continue
			}
			if len(l.codes) != len(*l.labels) {
				return fmt.Errorf("requirement %s: %d %s labels but %d label reasons", f.Requirement, len(*l.labels), l.what, len(l.codes))
			}
			out := make([]string, len(l.codes))
			for k, lr := range l.codes {
				out[k] = (*l.labels)[k]
				if lr.Code == "" {
					continue // an element label of the map
				}
				if out[k], err = c.Render(lr); err != nil {
					return fmt.Errorf("requirement %s: %s label: %w", f.Requirement, l.what, err)
				}
			}
			*l.labels = out
		}
		if f.NearestNoneReason != nil {
			if f.NearestNone, err = c.Render(*f.NearestNoneReason); err != nil {
				return fmt.Errorf("requirement %s: nearest: %w", f.Requirement, err)
			}
		}
		for k := range f.Nearest {
			n := &f.Nearest[k]
			if len(n.NoteReasons) != len(n.Notes) && len(n.Notes) > 0 {
				return fmt.Errorf("requirement %s: nearest %s: %d notes but %d reasons", f.Requirement, n.Provision, len(n.Notes), len(n.NoteReasons))
			}
			n.Notes = nil
			for _, nr := range n.NoteReasons {
				s, err := c.Render(nr)
				if err != nil {
					return fmt.Errorf("requirement %s: nearest %s: %w", f.Requirement, n.Provision, err)
				}
				n.Notes = append(n.Notes, s)
			}
		}
		if f.Review == nil {
			continue
		}
		for k := range f.Review.Reasons {
			rr := &f.Review.Reasons[k]
			if rr.Text, err = c.Render(rr.Reason); err != nil {
				return fmt.Errorf("requirement %s: review: %w", f.Requirement, err)
			}
		}
	}
	return nil
}

// Localized returns a copy of r whose reason texts are rendered by c (see
// RenderReasons); r is not changed. Everything else is shared with r.
func (r *Result) Localized(c *reason.Catalogue) (*Result, error) {
	out := *r
	out.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		if f.Review != nil {
			rv := *f.Review
			rv.Reasons = append([]ReviewReason(nil), f.Review.Reasons...)
			f.Review = &rv
		}
		f.Nearest = append([]Near(nil), f.Nearest...)
		if len(r.Findings[i].Nearest) == 0 {
			f.Nearest = r.Findings[i].Nearest
		}
		out.Findings[i] = f
	}
	if err := out.RenderReasons(c); err != nil {
		return nil, err
	}
	return &out, nil
}
