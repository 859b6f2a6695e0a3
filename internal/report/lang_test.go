package report

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
	"github.com/lacuna-project/lacuna/templates"
)

// coded is the fixture with the reason codes the engine sets, so that it
// renders in any language.
func coded() Input {
	in := fixture()
	for i := range in.Result.Findings {
		f := &in.Result.Findings[i]
		switch f.Verdict {
		case score.Met:
			f.Reason = reason.New("elements-found", reason.Args{"found": 1, "total": 1, "needed": 1, "elements": []string{"attempt"}})
		case score.Partial:
			f.Reason = reason.New("elements-partial", reason.Args{"found": 4, "total": 5, "needed": 5, "missing": []string{"transfer"}})
		case score.Undetermined:
			f.Reason = reason.New("referred-outside-corpus", reason.Args{"law": "Loi sur les étrangers"})
		default:
			f.Reason = reason.New("not-found", nil)
		}
		if f.Review != nil {
			for j := range f.Review.Reasons {
				f.Review.Reasons[j].Reason = reason.New("frame-unclassified-key-word", reason.Args{"statute": "xea/penal-code", "provision": "art31",
					"line": 130, "word": "réclusion", "label": "maximum of at least 4 years", "verdict": "gap"})
			}
		}
		for j := range f.Nearest {
			f.Nearest[j].NoteReasons = []reason.Reason{reason.New("near-context-missing-word", reason.Args{"element": "maximum of at least 4 years", "word": "ans"})}
		}
	}
	return in
}

func locale(t *testing.T, lang string) *Locale {
	t.Helper()
	l, err := EmbeddedLocale(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLocalesComplete: every language has every English key with the same
// arguments and no other key, and a key for every value of the closed sets
// the code and templates name (verdicts, pillars, statuses, kinds,
// variants, offences, confidence features, thresholds, languages).
func TestLocalesComplete(t *testing.T) {
	files, err := fs.Glob(templates.FS, LangDir+"/*.yaml")
	if err != nil || len(files) != len(Languages) {
		t.Fatalf("catalogues %v (%v), expected one per language %v", files, err, Languages)
	}
	en := locale(t, "en")
	var closed []string
	for _, v := range score.Verdicts {
		closed = append(closed, "verdict-"+string(v), "badge-"+string(v))
	}
	for _, p := range standard.Pillars {
		closed = append(closed, "pillar-"+string(p))
	}
	for _, s := range []standard.RatificationStatus{standard.StatusParty, standard.StatusSignatory, standard.StatusNotParty, standard.StatusUnknown} {
		closed = append(closed, "status-"+string(s))
	}
	for _, k := range []standard.InstrumentKind{standard.KindTreaty, standard.KindRegional, standard.KindBenchmark} {
		closed = append(closed, "kind-"+string(k))
	}
	for _, v := range []penalty.Variant{penalty.VariantBasic, penalty.VariantChild, penalty.VariantDeath, penalty.VariantOrganised, penalty.VariantOfficial,
		penalty.VariantAggravated, penalty.VariantMitigated, penalty.VariantLegalPerson, penalty.VariantSubsequent, penalty.VariantSummary} {
		closed = append(closed, "variant-"+strings.ReplaceAll(string(v), "_", "-"))
	}
	for _, o := range []string{penalty.LabelForcedProstitution, penalty.LabelSlavery, penalty.LabelServitude, penalty.LabelPeonage, penalty.LabelDebtBondage,
		penalty.LabelLabourExploitation, penalty.LabelForcedLabour, penalty.LabelTrafficking, penalty.LabelSaleOfChildren, string(penalty.OffenceRelated)} {
		closed = append(closed, "offence-"+strings.ReplaceAll(o, "_", "-"))
	}
	for _, f := range featureKeys {
		closed = append(closed, "feature-"+f)
	}
	for _, k := range []string{"max_months_min", "eu_max_months_min", "eu_aggravated_max_months_min", "age", "min_days"} {
		closed = append(closed, "threshold-"+k)
	}
	for _, l := range Languages {
		closed = append(closed, "lang-"+l)
	}
	for _, tmpl := range Templates {
		closed = append(closed, "kind-"+tmpl)
	}
	for _, lang := range Languages {
		l := locale(t, lang)
		if got, want := l.Keys(), en.Keys(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: keys differ from en.yaml: missing %v, extra %v", lang, minus(want, got), minus(got, want))
		}
		for _, k := range en.Keys() {
			a, _ := l.Args(k)
			b, _ := en.Args(k)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: %q takes %v, en.yaml %v", lang, k, a, b)
			}
		}
		for _, k := range closed {
			if _, ok := l.Args(k); !ok {
				t.Errorf("%s: no key %q", lang, k)
			}
		}
	}
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

// TestMissingKeyFails: a key a language lacks fails the template; it never
// falls back to English.
func TestMissingKeyFails(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"lang/fr.yaml", "reasons/fr.yaml", "legal.md.tmpl"} {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	fsys["lang/fr.yaml"].Data = bytes.Replace(fsys["lang/fr.yaml"].Data, []byte("h-summary:"), []byte("h-summary-gone:"), 1)
	l, err := LoadLocale(fsys, "fr")
	if err != nil {
		t.Fatal(err)
	}
	in := coded()
	in.Locale = l
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Execute(fsys, "legal", b, Limits{})
	if err == nil || !strings.Contains(err.Error(), `"h-summary" is not in the fr catalogue`) {
		t.Fatalf("err %v, want a missing-key error", err)
	}
	if _, err := LoadLocale(templates.FS, "de"); err == nil {
		t.Error("German locale loaded, expected an error naming en, fr, es")
	}
}

func TestLocaleFormats(t *testing.T) {
	en, fr, es := locale(t, "en"), locale(t, "fr"), locale(t, "es")
	for _, tc := range []struct {
		name      string
		got, want string
	}{
		{"en pct", en.Pct(62.5), "62.5"},
		{"fr pct", fr.Pct(62.5), "62,5"},
		{"es num", es.Num(1.25), "1,25"},
		{"fr int", fr.Int(150000), "150\u202f000"},
		{"es int", es.Int(150000), "150.000"},
		{"en int", en.Int(150000), "150000"},
		{"en date", en.Date("2026-01-15"), "2026-01-15"},
		{"fr date", fr.Date("2026-01-15"), "15 janvier 2026"},
		{"fr first", fr.Date("2026-08-01"), "1er août 2026"},
		{"es date", es.Date("2026-12-07"), "7 de diciembre de 2026"},
		{"fr not a date", fr.Date("unknown"), "unknown"},
		{"fr term", fr.Term(30), "2 ans et 6 mois"},
		{"fr term 3", fr.Term(12 + 6 + 0.5), "1 an, 6 mois et 15 jours"},
		{"es term", es.Term(12), "1 año"},
		{"es term 2", es.Term(18), "1 año y 6 meses"},
		{"fr count 0", fr.Count("statute", 0), "0 texte"},
		{"es count 0", es.Count("statute", 0), "0 textos legales"},
		{"fr badge", fr.Badge("undetermined"), "`INDÉTERMINÉ`"},
		{"es badge", es.Badge("gap"), "`LAGUNA`"},
		{"fr citation", fr.Citation("xea/cp", "art3", 12), "xea/cp art3, ligne 12"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	// English terms are penalty.FormatTerm's.
	for m := 0.0; m < 400; m += 0.25 {
		if a, b := en.Term(m), penalty.FormatTerm(m); a != b {
			t.Fatalf("en.Term(%v) = %q, penalty.FormatTerm %q", m, a, b)
		}
	}
}

// TestBadgeWords: every badge word of every language stands for one
// verdict, so the PDF and HTML renderers colour it.
func TestBadgeWords(t *testing.T) {
	for _, lang := range Languages {
		l := locale(t, lang)
		for _, v := range score.Verdicts {
			w := strings.Trim(l.Badge(string(v)), "`")
			if got := BadgeVerdict(w); got != string(v) {
				t.Errorf("%s: badge %q stands for %q, want %q", lang, w, got, v)
			}
		}
	}
}

// neutral builds the fixture's pack in lang and blanks the text that is
// not the pack's own: the map's English titles, elements and
// recommendations, statute quotes and titles, the reviewer's words, the
// engine's uncoded explanations.
func neutral(t *testing.T, lang string) *Briefing {
	t.Helper()
	in := coded()
	in.Locale = locale(t, lang)
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	title, cover := b.Title, b.Cover.Title
	testutil.Scrub(b, "ⓧ", "Title", "Statement", "Recommendation", "ModelProvision", "Summary", "Short", "Found", "Missing",
		"Explanation", "Text", "Quote", "Element", "Ask", "Sources", "NewProvisions", "Law", "ReviewNeeded", "Notes", "NearestNone",
		"Rationale", "Reviewer", "Explain", "Licence", "Source", "Has", "Lacks")
	b.Title, b.Cover.Title = title, cover
	for i := range b.Scorecard.ByInstrument {
		b.Scorecard.ByInstrument[i].Label = "ⓧ"
	}
	return b
}

// TestTemplatesInEveryLanguage renders every template in every language:
// golden Markdown per language, and no English word left in French or
// Spanish output once the map's English text is blanked.
func TestTemplatesInEveryLanguage(t *testing.T) {
	for _, lang := range Languages[1:] {
		for _, name := range Templates {
			t.Run(lang+"/"+name, func(t *testing.T) {
				in := coded()
				in.Locale = locale(t, lang)
				b, err := Build(in)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := (MarkdownRenderer{FS: templates.FS, Template: name}).Render(&buf, b); err != nil {
					t.Fatal(err)
				}
				golden(t, "TestTemplatesInEveryLanguage_"+lang+"_"+name, buf.Bytes())
				// accented text round-trips: the statute's and the catalogue's
				if name == "legal" && !strings.Contains(buf.String(), "Niña, señor, Łódź, Straße, Győr, Čapek.") {
					t.Error("accented quote lost")
				}
				buf.Reset()
				if err := (MarkdownRenderer{FS: templates.FS, Template: name}).Render(&buf, neutral(t, lang)); err != nil {
					t.Fatal(err)
				}
				if left := testutil.EnglishLeft(buf.String()); len(left) > 0 {
					t.Errorf("English words left in the %s %s pack: %v", lang, name, left)
				}
			})
		}
	}
}

// TestEnglishWordCheckBites: the check finds the English pack's words, so
// a template that forgot to translate would fail.
func TestEnglishWordCheckBites(t *testing.T) {
	b, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (MarkdownRenderer{FS: templates.FS, Template: "legal"}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	if left := testutil.EnglishLeft(buf.String()); len(left) < 20 {
		t.Fatalf("only %v found in the English pack", left)
	}
}

// TestQuoteNoteOnce: a pack whose statutes are in another language says so
// once, naming the language in the pack's; a pack in the statutes'
// language says nothing.
func TestQuoteNoteOnce(t *testing.T) {
	for _, tc := range []struct {
		lang, want string
	}{
		{"fr", "Les citations sont reproduites dans la langue du texte de loi (allemand)."},
		{"es", "Las citas se reproducen en el idioma del texto legal (alemán, francés)."},
	} {
		in := coded()
		in.Locale = locale(t, tc.lang)
		b, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := (MarkdownRenderer{FS: templates.FS, Template: "legal"}).Render(&buf, b); err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(Escape(tc.want), " ", " ")
		if n := strings.Count(buf.String(), want); n != 1 {
			t.Errorf("%s: %q appears %d times", tc.lang, want, n)
		}
	}
	in := coded()
	in.Result.Statutes = in.Result.Statutes[:1] // French only
	in.Locale = locale(t, "fr")
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if b.Cover.QuoteNote != "" {
		t.Errorf("French pack on a French statute: %q", b.Cover.QuoteNote)
	}
}

func TestCountryNames(t *testing.T) {
	for _, tc := range []struct{ code, lang, want string }{
		{"KEN", "en", "Kenya"}, {"KEN", "fr", "Kenya"}, {"KEN", "es", "Kenia"},
		{"USA", "fr", "États-Unis"}, {"PER", "es", "Perú"}, {"XEA", "fr", "XEA"}, {"", "es", "país desconocido"},
	} {
		if got := LocalCountryName(tc.code, tc.lang); got != tc.want {
			t.Errorf("%s/%s: %q, want %q", tc.code, tc.lang, got, tc.want)
		}
	}
	in := coded()
	in.CountryName = "Eastmere"
	in.Locale = locale(t, "es")
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if b.CountryName != "Eastmere" || b.Cover.Country != "Eastmere (XEA)" {
		t.Errorf("country_name not used: %q, %q", b.CountryName, b.Cover.Country)
	}
}

// TestCountryNamesOfTheMap: every country the map's ratifications list is
// named in French and Spanish (or has a user-assigned code, which the
// corpus names with country_name).
func TestCountryNamesOfTheMap(t *testing.T) {
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range m.Ratifications {
		if seen[r.Country] {
			continue
		}
		seen[r.Country] = true
		if statute.UserAssignedCountry(r.Country) {
			continue
		}
		for _, lang := range Languages {
			if n := LocalCountryName(r.Country, lang); n == r.Country || n == "" {
				t.Errorf("%s has no %s name", r.Country, lang)
			}
		}
	}
	if len(seen) < 5 {
		t.Fatalf("only %d countries in the map's ratifications", len(seen))
	}
}

func TestDefaultLang(t *testing.T) {
	for _, tc := range []struct {
		counts map[string]int
		want   string
	}{
		{map[string]int{"fr": 120}, "fr"},
		{map[string]int{"es": 60, "en": 10}, "es"},
		{map[string]int{"de": 90}, "en"},
		{map[string]int{"fr": 40, "es": 35, "en": 30}, "en"}, // mixed: no majority
		{map[string]int{"fr": 50, "en": 50}, "en"},
		{map[string]int{}, "en"},
	} {
		if got := DefaultLang(tc.counts); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.counts, got, tc.want)
		}
	}
}

// TestTitlesTranslated: with the map's titles in the pack's language, the
// requirement titles and instrument names are translated everywhere, and
// the limits say they are unofficial translations.
func TestTitlesTranslated(t *testing.T) {
	in := coded()
	in.Locale = locale(t, "fr")
	in.Titles = &standard.Titles{Lang: "fr", Note: "Traductions non officielles.",
		Requirements: map[standard.RequirementID]string{"def.acts": "Actes constitutifs de la traite"},
		Instruments:  map[standard.InstrumentID]string{"palermo": "Protocole de Palerme"}}
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (MarkdownRenderer{FS: templates.FS, Template: "legal"}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"def.acts — Actes constitutifs de la traite", "Protocole de Palerme, art. 3\\(a\\)", "Traductions non officielles."} {
		if !strings.Contains(md, want) {
			t.Errorf("%q missing", want)
		}
	}
	for _, gone := range []string{"All five acts", "Palermo Protocol"} {
		if strings.Contains(md, gone) {
			t.Errorf("%q left", gone)
		}
	}
	if in.Map.Requirements[1].Title != "All five acts" || in.Result.Findings[0].Title != "All five acts" {
		t.Error("Build changed its input")
	}
}

// TestMapTextsInPack: a French or Spanish pack over the demo corpus shows
// the map's translated statement, recommendation, model provision,
// element labels and article summaries, the checks' labels, the laws
// outside the corpus and the score computation in its language (decimal
// comma), and Build leaves its input in English.
func TestMapTextsInPack(t *testing.T) {
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		country, lang string
		want          []string
	}{
		{"XFR", "fr", []string{
			"- extradition prévue\n", // element label, missing
			"Mesures contre les déplacements et les non-retours illicites d'enfants à l'étranger", // article summary
			"du texte «\u00a0Code pénal",                 // law outside the corpus (no-break space inside « »)
			"pilier poursuites = 100 × 75,5 / 99 = 76,3", // computation line
			"qui lient Valcourt",
			"Traduction non officielle\u00a0: les normes",
		}},
		{"XSA", "es", []string{
			"- niño entendido como toda persona menor de 18 años\n", // check label, missing
			"Disposición modelo",
			"Traducción no oficial: las normas",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			res, err := score.Analyze(c, m, score.Options{Country: tc.country, LacunaVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			ti, err := standard.LoadTitles(mapping.FS, "mapping", tc.lang, m, false)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := json.Marshal(res)
			b, err := Build(Input{Result: res, Map: m, Date: "2026-12-07", Locale: locale(t, tc.lang), Titles: ti, CountryName: map[string]string{"XFR": "Valcourt", "XSA": "Santa Alba"}[tc.country]})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := (MarkdownRenderer{FS: templates.FS, Template: "legal"}).Render(&buf, b); err != nil {
				t.Fatal(err)
			}
			md := strings.ReplaceAll(buf.String(), "\\", "")
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("%q missing from the %s pack", w, tc.lang)
				}
			}
			if len(b.Gaps) == 0 {
				t.Fatal("no gap sheet")
			}
			checked := false
			for _, g := range b.Gaps {
				if g.ID == "def.child-age-18" && tc.lang == "es" {
					checked = true
					if len(g.Found) != 1 || !strings.HasPrefix(g.Found[0], "niño definido como menor de ") {
						t.Errorf("check label found: %q, want it in Spanish", g.Found)
					}
				}
				tx := ti.Texts[standard.RequirementID(g.ID)]
				if g.Statement != tx.Statement || g.Recommendation != tx.Recommendation || g.ModelProvision != tx.ModelProvision {
					t.Errorf("%s: sheet texts not the %s translation", g.ID, tc.lang)
				}
			}
			if tc.lang == "es" && !checked {
				t.Error("no def.child-age-18 sheet to check the labels of a check on")
			}
			if after, _ := json.Marshal(res); !bytes.Equal(before, after) {
				t.Error("Build changed its input")
			}
		})
	}
}
