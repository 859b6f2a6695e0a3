package standard

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// reDateReason finds where a note says why a date is missing.
var reDateReason = regexp.MustCompile(`(?i)\b(dates?|day)\b`)

// ratificationProblem says what a real country's ratification entry lacks
// to be a fact a lawyer can cite, or "" when it has it: a source always;
// for a party or signatory a date, or a note saying why there is none;
// for "unknown" and "not-party" a note giving the reason.
func ratificationProblem(r Ratification) string {
	switch {
	case strings.TrimSpace(r.Source) == "":
		return "no source"
	case (r.Status == StatusParty || r.Status == StatusSignatory) && r.Date == "" && !reDateReason.MatchString(r.Note):
		return "status " + string(r.Status) + " without a date, and no note saying why the date is missing"
	case (r.Status == StatusUnknown || r.Status == StatusNotParty) && strings.TrimSpace(r.Note) == "":
		return "status " + string(r.Status) + " without the reason in a note"
	}
	return ""
}

func TestRatificationProblem(t *testing.T) {
	tests := []struct {
		name string
		r    Ratification
		bad  bool
	}{
		{name: "party with source and date", r: Ratification{Status: StatusParty, Date: "2002-01-23", Source: "UNTC"}},
		{name: "party, year only, reason given", r: Ratification{Status: StatusParty, Source: "NORMLEX", Note: "the day is not stated"}},
		{name: "party without date or reason", r: Ratification{Status: StatusParty, Source: "NORMLEX"}, bad: true},
		{name: "no source", r: Ratification{Status: StatusParty, Date: "2002-01-23"}, bad: true},
		{name: "unknown without reason", r: Ratification{Status: StatusUnknown, Source: "none"}, bad: true},
		{name: "unknown with reason", r: Ratification{Status: StatusUnknown, Source: "none", Note: "not confirmed"}},
		{name: "not-party without reason", r: Ratification{Status: StatusNotParty, Source: "CoE"}, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ratificationProblem(tt.r); (got != "") != tt.bad {
				t.Errorf("problem = %q, want a problem: %v", got, tt.bad)
			}
		})
	}
}

// Every ratification of a real country in the embedded map is a cited
// fact or an "unknown" with its reason (the demo countries X?? are
// fictional and exempt).
func TestEmbeddedRatificationsAreCited(t *testing.T) {
	m, err := Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Ratifications {
		if strings.HasPrefix(r.Country, "X") {
			continue
		}
		if p := ratificationProblem(r); p != "" {
			t.Errorf("%s: %s %s: %s", r.Pos, r.Country, r.Instrument, p)
		}
	}
}

// TestRatificationsCoverRealData: every country with a statute in
// ../shared/realdata (statutes and statutes-dev) has an entry for every
// instrument of the map, so that no briefing prints "unknown" for want of
// an entry (issue 13 item 15).
func TestRatificationsCoverRealData(t *testing.T) {
	rd, err := testutil.RealDataDir()
	if err != nil {
		t.Skipf("real data absent: %v", err)
	}
	countries := map[string][]string{} // country → statute files
	for _, dir := range []string{"statutes", "statutes-dev"} {
		files, _ := filepath.Glob(filepath.Join(rd, dir, "*.md"))
		for _, f := range files {
			c := frontMatterCountry(t, f)
			if c != "" {
				countries[c] = append(countries[c], filepath.Join(dir, filepath.Base(f)))
			}
		}
	}
	if len(countries) < 10 {
		t.Fatalf("found %d countries in %s, expected the real-data statutes", len(countries), rd)
	}
	m, err := Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		c string
		i InstrumentID
	}
	have := map[key]Ratification{}
	for _, r := range m.Ratifications {
		have[key{r.Country, r.Instrument}] = r
	}
	var names []string
	for c := range countries {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		for _, in := range m.Instruments {
			r, ok := have[key{c, in.ID}]
			if !ok {
				t.Errorf("mapping/ratifications.yaml: no entry for %s and %s (statutes %s), expected a cited status or unknown with the reason",
					c, in.ID, strings.Join(countries[c], ", "))
				continue
			}
			if p := ratificationProblem(r); p != "" {
				t.Errorf("%s: %s %s: %s", r.Pos, c, in.ID, p)
			}
		}
	}
}

// frontMatterCountry returns the country: key of a statute's YAML front
// matter, "" when it has none.
func frontMatterCountry(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for n := 0; sc.Scan(); n++ {
		l := sc.Text()
		if n == 0 && l != "---" {
			return ""
		}
		if n > 0 && l == "---" {
			return ""
		}
		if v, ok := strings.CutPrefix(l, "country:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// TestYearOnlyDate: a ratification date may be the year alone when the
// source gives only the year; anything else must be a full date.
func TestYearOnlyDate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{{"1956", true}, {"2017", true}, {"17", false}, {"195a", false}, {"1856", false}, {"1956-13", false}} {
		if got := validYear(tc.s) || validDate(tc.s); got != tc.want {
			t.Errorf("%q accepted = %v, want %v", tc.s, got, tc.want)
		}
	}
}
