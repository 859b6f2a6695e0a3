package eval

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// aliasStatute is an amending law whose article 1 inserts an offence in
// quotation marks (its numbered items were sub-provisions "art1(1)", …
// under the earlier scheme) and whose dispositions are numbered by
// ordinal words (headings without a number, "h5", … before).
const aliasStatute = `---
id: xsa/ley-trata
country: XSA
title: Ley contra la trata de personas
language: es
version_date: "2020-01-01"
---

# Ley contra la trata de personas

### Artículo 1.- Modificación del artículo 153 del Código Penal

Modifícase el artículo 153 del Código Penal, que quedará redactado en los términos siguientes:

“Artículo 153.- Trata de personas

El que capta, transporta, traslada, acoge, recibe o retiene a otro, recurriendo a la violencia, la amenaza u otras formas de coacción, el engaño o el abuso de una situación de vulnerabilidad, con fines de explotación sexual, trabajos forzados, esclavitud o extracción de órganos, será reprimido con pena privativa de libertad no menor de ocho ni mayor de quince años.

La pena será no menor de doce ni mayor de veinte años, cuando:

1. La víctima es menor de dieciocho años de edad;

2. El agente es funcionario público.”

### Artículo 2.- Objeto

La presente ley tiene por objeto la prevención de la trata de personas y la protección de las víctimas.

## DISPOSICIONES FINALES

### PRIMERA.- Asistencia a las víctimas

El Estado brinda a las víctimas de trata de personas asistencia médica, psicológica, social y jurídica gratuita, alojamiento temporal y repatriación segura.

### SEGUNDA.- Vigencia

La presente ley entra en vigencia al día siguiente de su publicación.
`

// TestGoldOldIDs: a gold file that cites provisions by the IDs of the
// earlier scheme (the quoted passage's "art1(1)", the disposition's "h5")
// scores exactly as one citing today's IDs, and the report names each
// renamed ID so that the gold file can be updated.
func TestGoldOldIDs(t *testing.T) {
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	e, err := score.Compile(m)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"xsa/ley.md": {Data: []byte(aliasStatute)}}
	gold := func(ids ...string) *Gold {
		src := "units:\n  - name: xsa\n    country: XSA\n    base: corpus\n    files: [xsa/ley.md]\n    verdicts: {crim.offence: met, prot.assistance: met}\n" +
			"    cite: {crim.offence: [" + ids[0] + "], prot.assistance: [" + ids[1] + "]}\n" +
			"    penalties:\n      - {provision: \"" + ids[2] + "\", variant: basic, min_months: 96, max_months: 180, life: false, fine_alternative: false}\n"
		g, err := ParseGold("g.yaml", []byte(src), m)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	run := func(g *Gold) *Report {
		r, err := Run(g, e, FSLoader(Bases{BaseCorpus: fsys}))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	now := run(gold("art1", "disp-1", "art1"))
	if now.Evidence.Agree != 2 || now.PenaltyOK != 1 || len(now.Renamed) != 0 {
		t.Fatalf("today's IDs: evidence %d/%d, penalty rows %d, renamed %v; want 2/2, 1, none", now.Evidence.Agree, now.Evidence.Total, now.PenaltyOK, now.Renamed)
	}
	old := run(gold("art1(1)", "h5", "art1(1)"))
	if old.Agree != now.Agree || old.Evidence != now.Evidence || old.PenaltyOK != now.PenaltyOK {
		t.Errorf("earlier IDs score otherwise: agreement %d, evidence %d/%d, penalty rows %d; want %d, %d/%d, %d",
			old.Agree, old.Evidence.Agree, old.Evidence.Total, old.PenaltyOK, now.Agree, now.Evidence.Agree, now.Evidence.Total, now.PenaltyOK)
	}
	want := []RenamedID{{Unit: "xsa", Old: "art1(1)", New: "art1"}, {Unit: "xsa", Old: "h5", New: "disp-1"}}
	if len(old.Renamed) != 2 || old.Renamed[0] != want[0] || old.Renamed[1] != want[1] {
		t.Errorf("renamed = %v, want %v", old.Renamed, want)
	}
	var b strings.Builder
	old.Write(&b)
	if !strings.Contains(b.String(), "h5 is now disp-1") {
		t.Errorf("the report does not name the renamed ID:\n%s", b.String())
	}
	// IDs that name nothing, then or now, still miss: resolution is not a
	// licence to match anything.
	wrong := run(gold("art1(9)", "h9", "art1(9)"))
	if wrong.Evidence.Agree != 0 || wrong.PenaltyOK != 0 || len(wrong.Renamed) != 0 {
		t.Errorf("unknown IDs: evidence %d/%d, penalty rows %d, renamed %v; want 0/2, 0, none", wrong.Evidence.Agree, wrong.Evidence.Total, wrong.PenaltyOK, wrong.Renamed)
	}
}
