package standard

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/mapping"
)

// TestEmbeddedTitlesComplete: the embedded map translates every
// requirement and instrument into French and Spanish, with the official
// terms of the instruments' language versions for the key notions.
func TestEmbeddedTitlesComplete(t *testing.T) {
	m, err := Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"fr": {"traite", "travail forcé", "Protocole de Palerme", "délai de rétablissement et de réflexion"},
		"es": {"trata", "trabajo forzoso", "Protocolo de Palermo", "explotación", "período de restablecimiento y reflexión"},
	}
	// the statements, element labels and article summaries use the terms
	// of the instruments' official language versions
	wantTexts := map[string][]string{
		"fr": {"traite des personnes", "situation de vulnérabilité", "travail forcé", "exploitation de la prostitution d'autrui",
			"intérêt supérieur de l'enfant", "pires formes de travail des enfants", "groupe criminel organisé", "entraide judiciaire"},
		"es": {"trata de personas", "situación de vulnerabilidad", "trabajo forzoso", "explotación de la prostitución ajena",
			"interés superior del niño", "peores formas de trabajo infantil", "grupo delictivo organizado", "asistencia judicial recíproca"},
	}
	for _, lang := range []string{"fr", "es"} {
		ti, err := LoadTitles(mapping.FS, "mapping", lang, m, false)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if ti == nil || len(ti.Requirements) != len(m.Requirements) || len(ti.Instruments) != len(m.Instruments) || len(ti.Missing) != 0 {
			t.Fatalf("%s: incomplete titles %+v", lang, ti)
		}
		if !strings.Contains(strings.ToLower(ti.Note), "no oficial") && !strings.Contains(strings.ToLower(ti.Note), "non officiel") {
			t.Errorf("%s: note %q does not say the translations are unofficial", lang, ti.Note)
		}
		var all strings.Builder
		for _, s := range ti.Requirements {
			all.WriteString(s + "\n")
		}
		for _, s := range ti.Instruments {
			all.WriteString(s + "\n")
		}
		for _, w := range want[lang] {
			if !strings.Contains(strings.ToLower(all.String()), strings.ToLower(w)) {
				t.Errorf("%s: no title uses %q", lang, w)
			}
		}
		if ti.Translation != Unofficial || ti.SheetNote == "" {
			t.Errorf("%s: translation %q, sheet note %q; want unofficial and a sheet note", lang, ti.Translation, ti.SheetNote)
		}
		var texts strings.Builder
		for _, r := range m.Requirements {
			tx := ti.Texts[r.ID]
			for _, s := range []string{tx.Statement, tx.Recommendation, tx.ModelProvision} {
				if s == "" {
					t.Errorf("%s: %s has an empty text", lang, r.ID)
				}
				texts.WriteString(s + "\n")
			}
			for _, e := range r.Criteria.Elements {
				if tx.Elements[e.ID] == "" {
					t.Errorf("%s: element %s of %s not translated: %q", lang, e.ID, r.ID, tx.Elements[e.ID])
				}
			}
		}
		for _, in := range m.Instruments {
			for _, a := range in.Articles {
				if s := ti.Summary(in.ID, a.Number); s == "" || s == a.Summary {
					t.Errorf("%s: %s art. %s not translated: %q", lang, in.ID, a.Number, s)
				} else {
					texts.WriteString(s + "\n")
				}
			}
		}
		for _, w := range wantTexts[lang] {
			if !strings.Contains(texts.String(), w) {
				t.Errorf("%s: no statement, recommendation, model provision or summary uses %q", lang, w)
			}
		}
	}
}

func TestLoadTitlesErrors(t *testing.T) {
	m := &Map{
		Requirements: []*Requirement{
			{ID: "def.acts", Title: "Acts", Statement: "S.", Recommendation: "R.", ModelProvision: "M.",
				Criteria: Criteria{Elements: []Element{{ID: "recruitment", Label: "recruitment"}}}},
			{ID: "crim.attempt", Title: "Attempt"},
		},
		Instruments: []*Instrument{{ID: "palermo", Articles: []Article{{Number: "3(a)", Summary: "Acts, means, purposes."}}}},
	}
	const head = "translation: unofficial\nnote: N\nsheet_note: S\n"
	const acts = "  def.acts:\n    title: Actes\n    statement: E.\n    recommendation: R.\n    model_provision: >-\n      Modèle\n      plié.\n    elements:\n      recruitment: recrutement\n"
	const rest = "  crim.attempt:\n    title: Tentative\ninstruments:\n  palermo: Protocole de Palerme\narticles:\n  palermo:\n    \"3(a)\": Actes, moyens, fins.\n"
	for _, tc := range []struct {
		name, src string
		lenient   bool
		want      string // "" = no error
		missing   int
	}{
		{name: "complete", src: head + "requirements:\n" + acts + rest},
		{name: "missing requirement strict", src: head + "requirements:\n" + acts + "instruments:\n  palermo: P\narticles:\n  palermo:\n    \"3(a)\": A.\n",
			want: `lang/fr.yaml:1: requirement crim.attempt has no fr translation`},
		{name: "missing statement positioned", src: head + "requirements:\n  def.acts:\n    title: Actes\n    recommendation: R.\n    model_provision: M.\n    elements:\n      recruitment: r\n" + rest,
			want: `lang/fr.yaml:5:3: requirement def.acts statement has no fr translation`},
		{name: "missing element label", src: head + "requirements:\n  def.acts:\n    title: Actes\n    statement: E.\n    recommendation: R.\n    model_provision: M.\n" + rest,
			want: `lang/fr.yaml:5:3: requirement def.acts element recruitment has no fr translation`},
		{name: "missing article", src: head + "requirements:\n" + acts + "  crim.attempt:\n    title: T\ninstruments:\n  palermo: P\n",
			want: `instrument palermo article 3(a) has no fr translation`},
		{name: "missing lenient", src: head + "requirements:\n" + acts + "instruments:\n  palermo: P\n", lenient: true, missing: 2},
		{name: "not unofficial", src: "translation: official\n", lenient: true, want: `lang/fr.yaml:1:14: translation is "official", expected "unofficial"`},
		{name: "no translation key", src: "note: N\nsheet_note: S\n", want: `translation: unofficial has no fr translation`},
		{name: "unknown id", src: head + "requirements:\n  def.actz:\n    title: Actes\n", lenient: true, want: `lang/fr.yaml:5:3: requirement "def.actz" is not in the map`},
		{name: "unknown element", src: head + "requirements:\n  def.acts:\n    elements:\n      recruitmnt: r\n", lenient: true, want: `lang/fr.yaml:7:7: element "recruitmnt" is not in requirement "def.acts", expected one of recruitment`},
		{name: "unknown article", src: head + "articles:\n  palermo:\n    \"3(z)\": x\n", lenient: true, want: `article "3(z)" is not cited from palermo`},
		{name: "string entry", src: head + "requirements:\n  def.acts: Actes\n", lenient: true, want: `requirement "def.acts" is not a mapping, expected the keys title, statement`},
		{name: "empty title", src: head + "requirements:\n  def.acts:\n    title: \"\"\n", lenient: true, want: `title of "def.acts" is not a non-empty string`},
		{name: "unknown key", src: head + "titles:\n  def.acts: x\n", lenient: true, want: `unknown key "titles"`},
		{name: "unknown requirement key", src: head + "requirements:\n  def.acts:\n    statment: x\n", lenient: true, want: `unknown key "statment" in requirement "def.acts"`},
		{name: "not yaml", src: "requirements: [\n", want: "invalid YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"lang/fr.yaml": {Data: []byte(tc.src)}}
			ti, err := LoadTitles(fsys, "map", "fr", m, tc.lenient)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ti.Missing) != tc.missing {
				t.Errorf("missing %v, want %d", ti.Missing, tc.missing)
			}
			if tc.name == "complete" {
				tx := ti.Texts["def.acts"]
				if tx.ModelProvision != "Modèle plié." || tx.Statement != "E." || ti.Label("def.acts", "recruitment") != "recrutement" ||
					ti.Summary("palermo", "3(a)") != "Actes, moyens, fins." || ti.SheetNote != "S" || ti.Translation != Unofficial {
					t.Errorf("decoded %+v", ti)
				}
			}
		})
	}
	if ti, err := LoadTitles(fstest.MapFS{}, "map", "es", m, false); ti != nil || err != nil {
		t.Errorf("no file: %v, %v; want nil, nil", ti, err)
	}
}
