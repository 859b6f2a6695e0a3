package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// Targets of issue 4: exact-verdict agreement over the core IDs and
// penalty rows reproduced exactly.
const (
	minAgreement = 90.0
	minPenalty   = 100.0
)

func repoRoot(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			t.Fatal("go.mod not found")
		}
		d = p
	}
}

func realdata(t *testing.T) string {
	return testutil.RealData(t)
}

func runGold(t *testing.T, name string, bases Bases) *Report {
	t.Helper()
	path := filepath.Join(repoRoot(t), "testdata", "gold", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("gold file not found at %s: %v", path, err)
	}
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGold(path, src, m)
	if err != nil {
		t.Fatal(err)
	}
	e, err := score.Compile(m)
	if err != nil {
		t.Fatal(err)
	}
	bases[""] = os.DirFS(filepath.Dir(path))
	r, err := Run(g, e, FSLoader(bases))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func check(t *testing.T, r *Report, minPen float64) {
	t.Helper()
	var b strings.Builder
	r.Write(&b)
	t.Logf("agreement %.1f%%, penalty rows %.1f%%", r.Agreement(), r.PenaltyAccuracy())
	if r.Agreement() < minAgreement || r.PenaltyAccuracy() < minPen {
		t.Errorf("below target (agreement ≥ %g%%, penalty rows ≥ %g%%):\n%s", minAgreement, minPen, b.String())
	}
}

func TestDemoGold(t *testing.T) {
	r := runGold(t, "demo.yaml", Bases{BaseCorpus: corpus.FS})
	check(t, r, 90)
}

func TestRealGold(t *testing.T) {
	rd := realdata(t)
	if _, err := os.Stat(filepath.Join(rd, "statutes")); err != nil {
		t.Skipf("real data not found at %s: %v", rd, err)
	}
	r := runGold(t, "real.yaml", Bases{BaseRealdata: os.DirFS(filepath.Join(rd, "statutes"))})
	check(t, r, minPenalty)
}

func TestParseGoldErrors(t *testing.T) {
	m := &standard.Map{Requirements: []*standard.Requirement{{ID: "def.acts"}}}
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", "units:\n  - name: a\n    colour: red\n", "g.yaml:3"},
		{"bad verdict", "units:\n  - name: a\n    files: [a.md]\n    verdicts: {def.acts: fine}\n", `unknown verdict "fine"`},
		{"unknown id", "units:\n  - name: a\n    files: [a.md]\n    verdicts: {def.nope: met}\n", `unknown requirement "def.nope"`},
		{"duplicate", "units:\n  - name: a\n    files: [a.md]\n  - name: a\n    files: [a.md]\n", "duplicate unit name"},
		{"no files", "units:\n  - name: a\n", "no files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGold("g.yaml", []byte(tc.src), m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestInside(t *testing.T) {
	for _, tc := range []struct {
		got, want string
		ok        bool
	}{
		{"s3(1)", "s3(1)", true},
		{"s3(1)(a)", "s3(1)", true},
		{"§232a(6)(2)", "§232a(6)", true},
		{"art225-4-1/II", "art225-4-1", true},
		{"s2[child]", "s2", true},
		{"s3", "s3(1)", false},   // a parent section does not count
		{"s31", "s3", false},     // another section that shares the prefix
		{"§232a", "§232", false}, // §232a is not inside §232
		{"art225-4-10", "art225-4-1", false},
		{"s279.01", "s279", false}, // a distinct Canadian section
	} {
		if got := Inside(tc.got, tc.want); got != tc.ok {
			t.Errorf("Inside(%q, %q) = %v, want %v", tc.got, tc.want, got, tc.ok)
		}
	}
}

// Floors for the seen half of the development statutes (issue 10): the
// figures measured when the gate was set, so a change that loses ground on
// law the engine was not written for fails CI. The sealed half
// (sealed.yaml) is never read by tests.
const (
	devMinAgreement = 95.0
	devMinPenalty   = 90.0
	devMinEvidence  = 75.0
)

func TestDevGold(t *testing.T) {
	rd := realdata(t)
	dev := filepath.Join(rd, "statutes-dev")
	if _, err := os.Stat(dev); err != nil {
		t.Skipf("development statutes not found at %s: %v", dev, err)
	}
	r := runGold(t, "dev.yaml", Bases{BaseDev: os.DirFS(dev)})
	t.Logf("agreement %.1f%%, penalty rows %.1f%%, evidence %.1f%%", r.Agreement(), r.PenaltyAccuracy(), r.EvidenceAccuracy())
	if r.Agreement() < devMinAgreement || r.PenaltyAccuracy() < devMinPenalty || r.EvidenceAccuracy() < devMinEvidence {
		var b strings.Builder
		r.Write(&b)
		t.Errorf("seen development half below its floor (agreement ≥ %g%%, penalty rows ≥ %g%%, evidence ≥ %g%%):\n%s",
			devMinAgreement, devMinPenalty, devMinEvidence, b.String())
	}
}

// TestFreshGold: two real statutes fetched on 2026-12-07 (Cameroon 2005,
// the Belgian Code pénal), labelled independently and measured once before
// any change made on them (BENCHMARKS.md); since then seen data, gated at
// today's figures.
func TestFreshGold(t *testing.T) {
	rd := realdata(t)
	fresh := filepath.Join(rd, "statutes-fresh")
	if _, err := os.Stat(fresh); err != nil {
		t.Skipf("fresh statutes not found at %s: %v", fresh, err)
	}
	r := runGold(t, "fresh.yaml", Bases{BaseFresh: os.DirFS(fresh)})
	t.Logf("agreement %.1f%%, penalty rows %.1f%%", r.Agreement(), r.PenaltyAccuracy())
	if r.Agreement() < 83.3 || r.PenaltyAccuracy() < 87.0 {
		var b strings.Builder
		r.Write(&b)
		t.Errorf("fresh gold below its floor (83.3%% verdicts, 87%% penalty rows):\n%s", b.String())
	}
}

// TestFresh2Gold runs the five real statutes fetched in the tenth session
// (Mexico, Zimbabwe, Djibouti, Switzerland fr/de), labelled independently
// and measured once before the engine was changed for them (233/285); they
// are seen data now, and these floors keep what was gained on them.
func TestFresh2Gold(t *testing.T) {
	freshGoldAtFloor(t, "fresh2.yaml", "mex-lgpsedmtp-2012.md", [3]float64{88.7, 65.0, 79.4})
}

// TestFresh3Gold runs the second batch of real statutes fetched in the
// tenth session (Zambia, Paraguay, Djibouti 2007, Namibia, Lesotho),
// labelled independently and measured once before the engine was changed
// for them (227/285); seen data now, held at what was gained on them.
func TestFresh3Gold(t *testing.T) {
	freshGoldAtFloor(t, "fresh3.yaml", "zmb-anti-human-trafficking-act-2008.md", [3]float64{89.1, 93.5, 76.8})
}

// TestFresh4Gold runs the third batch of real statutes fetched in the
// tenth session (Uganda, Tanzania, Costa Rica), labelled independently and
// measured once at the end of the session's fixes (150/171); seen data
// now, held at what was gained on them.
func TestFresh4Gold(t *testing.T) {
	freshGoldAtFloor(t, "fresh4.yaml", "uga-ptip-act-2009.md", [3]float64{90.6, 76.4, 78.4})
}

// TestFresh5Gold runs the real statutes fetched in the eleventh session
// (Malawi, Ireland, Germany's ProstSchG), labelled independently and
// measured once before the engine was changed for them (146/171); seen
// data now, held at what was gained on them.
func TestFresh5Gold(t *testing.T) {
	freshGoldAtFloor(t, "fresh5.yaml", "mwi-tip-act-2015.md", [3]float64{90.0, 94.1, 89.4})
}

// TestFresh6Gold runs the French text of an excerpt of the Canadian Code
// criminel (its English text is seen data in real.yaml), labelled
// independently and measured once before the engine was changed for it
// (47/57); seen data now, held at what was gained on it.
func TestFresh6Gold(t *testing.T) {
	freshGoldAtFloor(t, "fresh6.yaml", "can-cc-279-2026-fr.md", [3]float64{87.7, 100.0, 70.5})
}

// TestFreshTwelfthSessionGold runs the real statutes fetched in the
// twelfth session, one gold file each (Barbados's Trafficking in Persons
// Prevention Act 2016 as a bill, an excerpt of Ecuador's COIP of 2014, an
// excerpt of New Zealand's Crimes Act 1961 as reprinted in 2014, Guyana's
// Combating of Trafficking in Persons Act 2005, Sierra Leone's
// Anti-Human Trafficking and Migrant Smuggling Act 2022), each labelled
// independently and measured once before the engine was changed for it
// (52, 52, 48, 52 and 49 of 57); seen data now, held at what was gained on
// them.
func TestFreshTwelfthSessionGold(t *testing.T) {
	for _, tc := range []struct {
		gold, probe string
		floor       [3]float64
	}{
		{"fresh7.yaml", "brb-tipa-2016.md", [3]float64{98.2, 100.0, 96.9}},
		{"fresh8.yaml", "ecu-coip-trata-2014.md", [3]float64{94.7, 100.0, 94.1}},
		{"fresh9.yaml", "nzl-crimes-act-trafficking-2014.md", [3]float64{84.2, 100.0, 76.9}},
		{"fresh10.yaml", "guy-ctip-act-2005.md", [3]float64{96.4, 50.0, 82.5}},
		{"fresh11.yaml", "sle-ahtms-act-2022.md", [3]float64{94.7, 75.0, 94.1}},
	} {
		t.Run(strings.TrimSuffix(tc.gold, ".yaml"), func(t *testing.T) {
			freshGoldAtFloor(t, tc.gold, tc.probe, tc.floor)
		})
	}
}

// TestFreshThirteenthSessionGold runs the real statutes fetched in the
// thirteenth session, one gold file of four units (an excerpt of Malta's
// Criminal Code, an English translation of the trafficking chapter of
// Japan's Penal Code, an excerpt of Benin's Code pénal of 2018 and
// Algeria's decree 26-14 of 2026 on the care of victims), labelled
// independently and measured once before the engine was changed for it
// (193 of 228); seen data now, held at what was gained on it.
func TestFreshThirteenthSessionGold(t *testing.T) {
	freshGoldAtFloor(t, "fresh12.yaml", "mlt-cc-traffic-2025.md", [3]float64{91.2, 42.8, 86.7})
}

// freshGoldAtFloor runs a gold file of real statutes fetched into
// ../shared/realdata/statutes-fresh (skipping when probe, one of its
// files, is absent) and holds it at floor (percent): verdicts, penalty
// rows, first quotes.
func freshGoldAtFloor(t *testing.T, gold, probe string, floor [3]float64) {
	t.Helper()
	rd := realdata(t)
	fresh := filepath.Join(rd, "statutes-fresh")
	if _, err := os.Stat(filepath.Join(fresh, probe)); err != nil {
		t.Skipf("%s statutes not found in %s: %v", gold, fresh, err)
	}
	r := runGold(t, gold, Bases{BaseFresh: os.DirFS(fresh)})
	t.Logf("agreement %.1f%%, penalty rows %.1f%%, first quotes %.1f%%", r.Agreement(), r.PenaltyAccuracy(), r.EvidenceAccuracy())
	if r.Agreement() < floor[0] || r.PenaltyAccuracy() < floor[1] || r.EvidenceAccuracy() < floor[2] {
		var b strings.Builder
		r.Write(&b)
		t.Errorf("%s below its floor (%v: verdicts, penalty rows, first quotes):\n%s", gold, floor, b.String())
	}
}

// TestSealedStaysSealed checks that the held-out gold file is marked sealed
// (so eval refuses it without --unseal) and that CI never names it.
func TestSealedStaysSealed(t *testing.T) {
	root := repoRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "testdata", "gold", "sealed.yaml"))
	if err != nil {
		t.Skipf("no sealed gold file: %v", err)
	}
	g, err := ParseGold("sealed.yaml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Sealed || g.Seal == "" {
		t.Errorf("sealed.yaml: sealed %v, seal %q; want sealed: true and the draw recorded", g.Sealed, g.Seal)
	}
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err == nil && strings.Contains(string(ci), "sealed") {
		t.Errorf(".ci/run mentions the sealed gold file; the sealed half is never run by CI")
	}
}

// Drafting probes (testdata/gold/drafting-*.yaml): statutes we wrote in the
// drafting traditions of other legal systems, labelled by their authors
// from CORE-REQUIREMENTS.md. The engine was fixed on them, so they are a
// regression gate for those drafting patterns, not an independent measure.
// Each file's floor is its figure when the lead last fixed the engine on
// it (BENCHMARKS.md); a drafting file without a floor must score 95%.
var draftingFloors = map[string][3]float64{ // agreement, penalty rows, first quotes: one verdict (one quote) below the figures last recorded
	"drafting-de10.yaml": {91.2, 59.9, 93.6},
	"drafting-de2.yaml":  {92.3, 99.9, 90.5},
	"drafting-de3.yaml":  {80.7, 69.1, 89.2},
	"drafting-de4.yaml":  {87.1, 0.0, 92.1},
	"drafting-de5.yaml":  {87.1, 99.9, 89.5},
	"drafting-de54.yaml": {89.4, 99.9, 86.6},
	"drafting-de55.yaml": {87.7, 49.9, 90.9},
	"drafting-de56.yaml": {91.8, -0.1, 86.6},
	"drafting-de57.yaml": {79.5, 0.0, 79.1},
	"drafting-de58.yaml": {92.3, 79.9, 81.6},
	"drafting-de59.yaml": {84.7, 99.9, 80.9},
	"drafting-de6.yaml":  {94.7, 0.0, 94.1},
	"drafting-de60.yaml": {88.8, 85.6, 84.0},
	"drafting-en.yaml":   {97.0, 99.9, 93.6},
	"drafting-en10.yaml": {94.7, 92.2, 94.4},
	"drafting-en11.yaml": {95.3, 99.9, 96.4},
	"drafting-en12.yaml": {97.6, 93.7, 91.3},
	"drafting-en13.yaml": {95.3, 99.9, 97.7},
	"drafting-en14.yaml": {94.7, 99.9, 92.6},
	"drafting-en15.yaml": {95.9, 99.9, 94.6},
	"drafting-en16.yaml": {93.5, 90.8, 92.4},
	"drafting-en17.yaml": {90.0, 93.7, 91.3},
	"drafting-en18.yaml": {94.7, 99.9, 91.6},
	"drafting-en19.yaml": {97.0, 99.9, 94.4},
	"drafting-en2.yaml":  {94.7, 99.9, 96.4},
	"drafting-en20.yaml": {96.4, 99.9, 95.9},
	"drafting-en21.yaml": {94.7, 92.2, 95.1},
	"drafting-en22.yaml": {91.2, 87.4, 93.6},
	"drafting-en23.yaml": {91.8, 99.9, 97.0},
	"drafting-en24.yaml": {94.1, 94.0, 93.1},
	"drafting-en25.yaml": {94.7, 93.2, 94.2},
	"drafting-en26.yaml": {95.9, 99.9, 93.9},
	"drafting-en27.yaml": {84.7, 93.7, 92.7},
	"drafting-en28.yaml": {81.2, 79.9, 86.5},
	"drafting-en29.yaml": {82.4, 81.1, 80.5},
	"drafting-en3.yaml":  {92.9, 99.9, 87.5},
	"drafting-en30.yaml": {92.9, 93.2, 92.9},
	"drafting-en31.yaml": {91.2, 92.8, 92.9},
	"drafting-en32.yaml": {82.4, 47.3, 81.4},
	"drafting-en33.yaml": {95.3, 99.9, 96.8},
	"drafting-en34.yaml": {89.4, 83.2, 90.9},
	"drafting-en35.yaml": {83.6, 69.5, 96.1},
	"drafting-en36.yaml": {87.1, 81.7, 86.2},
	"drafting-en37.yaml": {87.1, 84.5, 89.5},
	"drafting-en38.yaml": {96.4, 91.6, 93.3},
	"drafting-en39.yaml": {93.5, 99.9, 93.2},
	"drafting-en4.yaml":  {93.5, 87.4, 91.2},
	"drafting-en40.yaml": {90.0, 99.9, 95.7},
	"drafting-en41.yaml": {84.2, 76.8, 82.9},
	"drafting-en42.yaml": {88.3, 91.6, 96.2},
	"drafting-en43.yaml": {94.7, 86.6, 93.3},
	"drafting-en44.yaml": {85.3, 88.1, 84.9},
	"drafting-en45.yaml": {91.8, 79.9, 89.0},
	"drafting-en46.yaml": {90.6, 85.6, 86.2},
	"drafting-en47.yaml": {94.1, 79.9, 97.3},
	"drafting-en48.yaml": {94.1, 86.6, 93.9},
	"drafting-en49.yaml": {87.1, 99.9, 85.2},
	"drafting-en5.yaml":  {92.9, 99.9, 97.0},
	"drafting-en50.yaml": {95.9, 99.9, 92.5},
	"drafting-en51.yaml": {91.8, 77.7, 94.8},
	"drafting-en52.yaml": {91.2, 84.5, 88.4},
	"drafting-en53.yaml": {96.4, 99.9, 91.5},
	"drafting-en54.yaml": {90.0, 81.1, 84.3},
	"drafting-en55.yaml": {91.8, 83.2, 90.6},
	"drafting-en56.yaml": {98.2, 93.7, 94.5},
	"drafting-en57.yaml": {92.9, 99.9, 95.7},
	"drafting-en58.yaml": {86.5, 91.6, 85.7},
	"drafting-en59.yaml": {96.4, 99.9, 91.0},
	"drafting-en6.yaml":  {95.9, 99.9, 95.1},
	"drafting-en60.yaml": {94.1, 99.9, 92.8},
	"drafting-en7.yaml":  {81.8, 89.9, 86.3},
	"drafting-en8.yaml":  {93.5, 99.9, 90.3},
	"drafting-en9.yaml":  {91.2, 85.6, 89.7},
	"drafting-es.yaml":   {94.1, 99.9, 92.3},
	"drafting-es10.yaml": {95.9, 99.9, 96.8},
	"drafting-es11.yaml": {96.4, 99.9, 88.5},
	"drafting-es12.yaml": {88.3, 99.9, 90.0},
	"drafting-es13.yaml": {94.1, 99.9, 92.8},
	"drafting-es14.yaml": {96.4, 74.9, 96.8},
	"drafting-es15.yaml": {95.3, 74.9, 91.4},
	"drafting-es16.yaml": {97.0, 99.9, 91.9},
	"drafting-es17.yaml": {95.3, 99.9, 92.5},
	"drafting-es18.yaml": {90.6, 89.4, 95.6},
	"drafting-es19.yaml": {94.7, 99.9, 95.1},
	"drafting-es2.yaml":  {98.2, 88.8, 91.5},
	"drafting-es20.yaml": {94.1, 99.9, 91.4},
	"drafting-es21.yaml": {90.6, 99.9, 90.0},
	"drafting-es22.yaml": {89.4, 99.9, 85.5},
	"drafting-es23.yaml": {89.4, 83.2, 93.8},
	"drafting-es24.yaml": {85.9, 99.9, 88.1},
	"drafting-es25.yaml": {89.4, 99.9, 92.1},
	"drafting-es26.yaml": {95.9, 99.9, 96.0},
	"drafting-es27.yaml": {90.6, 99.9, 94.3},
	"drafting-es28.yaml": {91.8, 74.9, 94.2},
	"drafting-es29.yaml": {92.3, 74.9, 93.4},
	"drafting-es3.yaml":  {94.1, 88.8, 96.5},
	"drafting-es30.yaml": {94.1, 99.9, 94.2},
	"drafting-es31.yaml": {93.5, 99.9, 96.7},
	"drafting-es32.yaml": {87.1, 84.5, 80.0},
	"drafting-es33.yaml": {92.9, 99.9, 83.7},
	"drafting-es34.yaml": {89.4, 83.2, 91.4},
	"drafting-es35.yaml": {92.3, 88.8, 94.1},
	"drafting-es36.yaml": {90.0, 72.6, 88.3},
	"drafting-es37.yaml": {84.7, 99.9, 86.6},
	"drafting-es38.yaml": {94.7, 88.8, 94.7},
	"drafting-es39.yaml": {92.9, 92.8, 86.5},
	"drafting-es4.yaml":  {95.3, 99.9, 94.3},
	"drafting-es40.yaml": {94.1, 79.9, 93.5},
	"drafting-es41.yaml": {92.3, 99.9, 97.2},
	"drafting-es42.yaml": {87.7, 0.0, 93.6},
	"drafting-es43.yaml": {90.6, 74.9, 96.9},
	"drafting-es44.yaml": {78.9, 99.9, 93.3},
	"drafting-es45.yaml": {91.2, 0.0, 93.5},
	"drafting-es46.yaml": {92.9, 90.8, 92.1},
	"drafting-es47.yaml": {91.8, 0.0, 90.0},
	"drafting-es48.yaml": {92.9, 99.9, 88.8},
	"drafting-es49.yaml": {94.7, 99.9, 89.7},
	"drafting-es5.yaml":  {90.6, 69.9, 94.8},
	"drafting-es50.yaml": {91.8, 99.9, 85.0},
	"drafting-es51.yaml": {87.1, 99.9, 97.0},
	"drafting-es52.yaml": {95.3, 74.9, 91.2},
	"drafting-es53.yaml": {94.7, 89.9, 94.5},
	"drafting-es54.yaml": {91.2, 99.9, 88.5},
	"drafting-es55.yaml": {91.2, 74.9, 92.8},
	"drafting-es56.yaml": {88.3, 79.9, 90.4},
	"drafting-es57.yaml": {92.3, 99.9, 93.2},
	"drafting-es58.yaml": {93.5, 92.2, 94.2},
	"drafting-es59.yaml": {84.2, 99.9, 88.7},
	"drafting-es6.yaml":  {92.3, 88.8, 94.0},
	"drafting-es60.yaml": {92.3, 99.9, 84.6},
	"drafting-es7.yaml":  {95.9, 99.9, 94.3},
	"drafting-es8.yaml":  {82.4, 33.2, 87.7},
	"drafting-es9.yaml":  {73.0, 49.9, 80.4},
	"drafting-fr.yaml":   {92.9, 91.6, 93.2},
	"drafting-fr10.yaml": {93.5, 78.5, 96.3},
	"drafting-fr11.yaml": {96.4, 99.9, 94.8},
	"drafting-fr12.yaml": {96.4, 99.9, 95.8},
	"drafting-fr13.yaml": {95.3, 92.2, 94.2},
	"drafting-fr14.yaml": {92.9, 99.9, 94.4},
	"drafting-fr15.yaml": {94.7, 59.9, 88.5},
	"drafting-fr16.yaml": {84.2, 99.9, 91.3},
	"drafting-fr17.yaml": {94.1, 93.7, 97.8},
	"drafting-fr18.yaml": {88.8, 74.9, 91.3},
	"drafting-fr19.yaml": {94.7, 99.9, 94.7},
	"drafting-fr2.yaml":  {96.4, 99.9, 95.1},
	"drafting-fr20.yaml": {95.9, 99.9, 95.0},
	"drafting-fr21.yaml": {92.3, 99.9, 94.6},
	"drafting-fr22.yaml": {88.8, 95.4, 89.7},
	"drafting-fr23.yaml": {92.3, 77.7, 93.3},
	"drafting-fr24.yaml": {84.2, 74.9, 83.7},
	"drafting-fr25.yaml": {85.9, 79.9, 92.6},
	"drafting-fr26.yaml": {88.8, 99.9, 93.1},
	"drafting-fr27.yaml": {94.7, 99.9, 97.3},
	"drafting-fr28.yaml": {91.8, 99.9, 92.7},
	"drafting-fr29.yaml": {91.2, 99.9, 92.4},
	"drafting-fr3.yaml":  {94.1, 99.9, 96.2},
	"drafting-fr30.yaml": {93.5, 99.9, 92.0},
	"drafting-fr31.yaml": {93.5, 99.9, 90.7},
	"drafting-fr32.yaml": {93.5, 90.8, 83.3},
	"drafting-fr33.yaml": {95.3, 77.7, 92.4},
	"drafting-fr34.yaml": {91.8, 99.9, 83.3},
	"drafting-fr35.yaml": {94.7, 66.6, 90.4},
	"drafting-fr36.yaml": {92.3, 81.7, 91.5},
	"drafting-fr37.yaml": {95.9, 81.1, 91.6},
	"drafting-fr38.yaml": {95.3, 93.7, 91.6},
	"drafting-fr39.yaml": {89.4, 61.4, 94.9},
	"drafting-fr4.yaml":  {97.0, 99.9, 96.5},
	"drafting-fr40.yaml": {84.7, 89.9, 90.0},
	"drafting-fr41.yaml": {92.9, 99.9, 96.4},
	"drafting-fr42.yaml": {83.6, 99.9, 91.3},
	"drafting-fr43.yaml": {96.4, 99.9, 94.2},
	"drafting-fr44.yaml": {91.8, 99.9, 90.2},
	"drafting-fr45.yaml": {95.3, 91.6, 94.8},
	"drafting-fr46.yaml": {94.7, 84.5, 92.3},
	"drafting-fr47.yaml": {85.9, 90.8, 85.8},
	"drafting-fr48.yaml": {91.8, 99.9, 90.6},
	"drafting-fr49.yaml": {88.3, 99.9, 93.3},
	"drafting-fr5.yaml":  {91.2, 99.9, 91.5},
	"drafting-fr50.yaml": {88.8, 85.6, 88.8},
	"drafting-fr51.yaml": {93.5, 84.5, 97.3},
	"drafting-fr52.yaml": {92.9, 92.8, 89.7},
	"drafting-fr53.yaml": {94.1, 99.9, 90.4},
	"drafting-fr54.yaml": {89.4, 99.9, 93.6},
	"drafting-fr55.yaml": {91.8, 99.9, 92.2},
	"drafting-fr56.yaml": {88.8, 92.2, 91.6},
	"drafting-fr57.yaml": {93.5, 99.9, 89.7},
	"drafting-fr58.yaml": {94.7, 89.9, 91.8},
	"drafting-fr59.yaml": {95.3, 92.8, 92.0},
	"drafting-fr6.yaml":  {92.3, 92.2, 89.6},
	"drafting-fr60.yaml": {91.2, 84.5, 93.5},
	"drafting-fr7.yaml":  {88.8, 99.9, 96.0},
	"drafting-fr8.yaml":  {87.1, 99.9, 90.7},
	"drafting-fr9.yaml":  {94.1, 88.8, 92.3},
	"drafting-lead.yaml": {98.2, 99.9, 91.6},
}

func TestDraftingGold(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot(t), "testdata", "gold", "drafting-*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no drafting gold files in testdata/gold")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			r := runGold(t, name, Bases{})
			t.Logf("agreement %.1f%%, penalty rows %.1f%%, evidence %.1f%%", r.Agreement(), r.PenaltyAccuracy(), r.EvidenceAccuracy())
			floor, ok := draftingFloors[name]
			if !ok {
				floor = [3]float64{95, 90, 90}
			}
			if r.Agreement() < floor[0] || r.PenaltyAccuracy() < floor[1] || r.EvidenceAccuracy() < floor[2] {
				var b strings.Builder
				r.Write(&b)
				t.Errorf("%s below its floor (agreement ≥ %g%%, penalty rows ≥ %g%%, first quotes ≥ %g%%):\n%s", name, floor[0], floor[1], floor[2], b.String())
			}
		})
	}
}

// TestRowDiffDays: a term that differs from the gold by the day a scale
// adds between grades ("doce años y un día") agrees; one that differs by a
// week does not.
func TestRowDiffDays(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	want := PenaltyRow{Provision: "art9", Variant: "basic", MinMonths: f(144), MaxMonths: f(240)}
	var got penalty.Row
	got.MinMonths, got.MaxMonths = f(144+12/365.25), f(240)
	if d := rowDiff(want, &got); d != "" {
		t.Errorf("a day apart: %s, want agreement", d)
	}
	got.MinMonths = f(144 + 7*12/365.25)
	if d := rowDiff(want, &got); d == "" {
		t.Error("a week apart agrees")
	}
}

// TestPenaltyPairing: a gold row that matches no engine row exactly does not
// take the engine row that matches another gold row of the same provision
// and variant exactly.
func TestPenaltyPairing(t *testing.T) {
	dir := t.TempDir()
	st := "---\nid: xta/codigo\ncountry: XTA\ntitle: \"Código\"\nlanguage: es\nversion_date: \"2020-01-01\"\n---\n\n# Código\n\n" +
		"### Artículo 5. Trata de personas\n\nEl que capte, traslade o acoja a una persona con fines de explotación sexual será castigado con prisión de cuatro a ocho años. " +
		"El que capte, traslade o acoja a una persona con fines de explotación laboral será castigado con prisión de dos a cuatro años.\n"
	gold := "units:\n  - name: u\n    country: XTA\n    files: [codigo.md]\n    penalties:\n" +
		"      - {provision: \"art5\", variant: basic, min_months: 24, max_months: 60, life: false, fine_alternative: false}\n" +
		"      - {provision: \"art5\", variant: basic, min_months: 48, max_months: 96, life: false, fine_alternative: false}\n"
	if err := os.WriteFile(filepath.Join(dir, "codigo.md"), []byte(st), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGold(filepath.Join(dir, "g.yaml"), []byte(gold), m)
	if err != nil {
		t.Fatal(err)
	}
	e, err := score.Compile(m)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(g, e, FSLoader(Bases{"": os.DirFS(dir)}))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Penalties) != 2 || !r.Penalties[1].OK || r.Penalties[0].OK {
		var b strings.Builder
		r.Write(&b)
		t.Errorf("want the second gold row (48-96) matched and the first not:\n%s", b.String())
	}
}
