package standard

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

func (l *loader) loadRatifications(fsys fs.FS, prefix string) {
	d, root := l.read(fsys, prefix, "ratifications.yaml")
	if root == nil {
		return
	}
	f, ok := d.fields(root, "ratifications file", ratFileKeys)
	if !ok {
		return
	}
	for _, n := range d.seq(f["ratifications"], "ratifications file") {
		rf, ok := d.fields(n, "ratification", ratKeys)
		if !ok {
			continue
		}
		r := Ratification{Pos: d.pos(n)}
		r.Country = d.str(rf["country"], "ratification")
		r.Instrument = InstrumentID(d.str(rf["instrument"], "ratification"))
		r.Status = RatificationStatus(d.str(rf["status"], "ratification"))
		r.Date = d.str(rf["date"], "ratification")
		r.Source = d.str(rf["source"], "ratification")
		r.Note = d.str(rf["note"], "ratification")
		what := fmt.Sprintf("ratification of %q by %q", r.Instrument, r.Country)
		l.required(d, n, rf, what, "country", "instrument", "status", "source")
		if v, ok := rf["country"]; ok && r.Country != "" && !reCountry.MatchString(r.Country) {
			l.errs.Add(d.pos(v.value), "country %q is malformed, expected an ISO 3166-1 alpha-3 code such as KEN", r.Country)
		}
		if v, ok := rf["status"]; ok && r.Status != "" && !r.Status.Valid() {
			l.errs.Add(d.pos(v.value), "unknown ratification status %q, expected one of %s", r.Status, joinSet(RatificationStatuses))
		}
		if v, ok := rf["date"]; ok && r.Date != "" && !validDate(r.Date) && !validYear(r.Date) {
			l.errs.Add(d.pos(v.value), "date %q of %s is malformed, expected YYYY-MM-DD, a year YYYY where the source gives only the year, or no date", r.Date, what)
		}
		if v, ok := rf["instrument"]; ok {
			r.Pos = d.pos(v.value)
		}
		l.m.Ratifications = append(l.m.Ratifications, r)
	}
}

// validate runs the cross-reference checks once every file is read.
func (l *loader) validate(opts Options) {
	m := l.m
	insts := map[InstrumentID]*Instrument{}
	for _, in := range m.Instruments {
		if in.ID == "" {
			continue
		}
		if prev, dup := insts[in.ID]; dup {
			l.errs.Add(in.Pos, "instrument %q is defined twice (first at %s), expected unique instrument ids", in.ID, prev.Pos)
			continue
		}
		insts[in.ID] = in
	}
	reqs := map[RequirementID]*Requirement{}
	for _, r := range m.Requirements {
		if r.ID == "" {
			continue
		}
		if prev, dup := reqs[r.ID]; dup {
			l.errs.Add(r.Pos, "requirement %q is defined twice (first at %s), expected unique requirement ids", r.ID, prev.Pos)
			continue
		}
		reqs[r.ID] = r
		r.Core = IsCore(r.ID)
		for _, s := range r.Sources {
			in, ok := insts[s.Instrument]
			if !ok {
				l.errs.Add(s.Pos, "unknown instrument %q in sources of requirement %q, expected one of %s", s.Instrument, r.ID, joinSet(instrumentIDs(m)))
				continue
			}
			if !in.Covers(s.Article) {
				l.errs.Add(s.Pos, "unknown article %q of %s in sources of requirement %q, expected an article listed in the instrument (or its parent)", s.Article, s.Instrument, r.ID)
			}
		}
	}
	if !opts.Partial && !m.Partial {
		var missing []string
		for _, id := range CoreIDs {
			if _, ok := reqs[id]; !ok {
				missing = append(missing, string(id))
			}
		}
		pos := Pos{File: join(opts.Name, "requirements")}
		if len(missing) <= 5 {
			for _, id := range missing {
				l.errs.Add(pos, "missing core requirement %q, expected every ID of CORE-REQUIREMENTS.md", id)
			}
		} else {
			// One line, so that a draft map's other errors stay visible.
			sort.Strings(missing)
			l.errs.Add(pos, "%d core requirements are missing (%s), expected every ID of CORE-REQUIREMENTS.md", len(missing), strings.Join(missing, ", "))
		}
	}
	type key struct {
		c string
		i InstrumentID
	}
	seen := map[key]Pos{}
	for _, r := range m.Ratifications {
		if r.Instrument != "" {
			if _, ok := insts[r.Instrument]; !ok {
				l.errs.Add(r.Pos, "ratification for unknown instrument %q, expected one of %s", r.Instrument, joinSet(instrumentIDs(m)))
			}
		}
		k := key{r.Country, r.Instrument}
		if prev, dup := seen[k]; dup {
			l.errs.Add(r.Pos, "ratification of %q by %q is listed twice (first at %s), expected one entry per country and instrument", r.Instrument, r.Country, prev)
			continue
		}
		seen[k] = r.Pos
	}
}

func instrumentIDs(m *Map) []InstrumentID {
	var ids []InstrumentID
	seen := map[InstrumentID]bool{}
	for _, in := range m.Instruments {
		if in.ID != "" && !seen[in.ID] {
			seen[in.ID] = true
			ids = append(ids, in.ID)
		}
	}
	return ids
}

// ParentArticle returns the article number one level up: "5(2)(a)" →
// "5(2)" → "5"; "5" has no parent ("").
func ParentArticle(number string) string {
	if !strings.HasSuffix(number, ")") {
		return ""
	}
	i := strings.LastIndexByte(number, '(')
	if i <= 0 {
		return ""
	}
	return number[:i]
}

// Article returns the article entry that covers number: the entry with that
// exact number or, failing that, its nearest listed parent.
func (in *Instrument) Article(number string) *Article {
	for n := number; n != ""; n = ParentArticle(n) {
		for i := range in.Articles {
			if in.Articles[i].Number == n {
				return &in.Articles[i]
			}
		}
	}
	return nil
}

// Covers reports whether number is listed in the instrument, by itself or
// through a parent ("5(2)(a)" is covered by "5(2)(a)", "5(2)" or "5").
func (in *Instrument) Covers(number string) bool { return in.Article(number) != nil }

// validYear reports whether s is a year alone ("1956"), as a source that
// gives only the year of a ratification states it.
func validYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s >= "1900"
}
