package diff

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

func TestInsertedSubsectionRenumbersTheRest(t *testing.T) {
	old := stat("2012",
		prov("s3", "Trafficking", "", 1,
			prov("s3(1)", "", "A person who recruits another person by force for exploitation commits an offence.", 2),
			prov("s3(2)", "", "The consent of a victim to the intended exploitation is irrelevant to the charge.", 3)))
	new := stat("2017",
		prov("s3", "Trafficking", "", 1,
			prov("s3(1)", "", "A person who recruits another person by force for exploitation commits an offence.", 2),
			prov("s3(2)", "", "A person who recruits a child for exploitation commits an offence whatever the means used.", 3),
			prov("s3(3)", "", "The consent of a victim to the intended exploitation is irrelevant to the charge.", 4)))
	d := Statutes(old, new, Options{})
	var got []string
	for _, c := range d.Changes {
		got = append(got, string(c.Kind)+" "+c.OldID+">"+c.NewID)
	}
	want := "added >s3(2)|moved s3(2)>s3(3)"
	if strings.Join(got, "|") != want {
		t.Errorf("changes = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestTextMovedToAnotherLevelIsMoved(t *testing.T) {
	old := stat("2011",
		prov("art2", "", "The offence is punished by ten years of imprisonment when it is committed:", 1,
			prov("art2(1°)", "", "against a minor below the age of eighteen years;", 2)))
	new := stat("2013",
		prov("art2", "", "", 1,
			prov("art2/I", "", "The offence is punished by ten years of imprisonment when it is committed:", 2,
				prov("art2/I(1°)", "", "against a minor below the age of eighteen years;", 3))))
	new.Roots[0].Children[0].Children[0].Kind = statute.KindParagraph
	d := Statutes(old, new, Options{})
	found := map[string]bool{}
	for _, c := range d.Changes {
		found[string(c.Kind)+" "+c.OldID+">"+c.NewID] = true
		if c.Kind == Removed {
			t.Errorf("%s reported removed; it moved", c.OldID)
		}
	}
	if !found["moved art2(1°)>art2/I(1°)"] {
		t.Errorf("art2(1°) not paired with art2/I(1°): %v", found)
	}
}

func TestInlineOpsElidesLongUnchangedRuns(t *testing.T) {
	ops := []Op{
		{"=", "one two three four five six seven eight nine ten eleven twelve "},
		{"-", "old"}, {"+", "new"},
		{"=", " thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree"},
	}
	got := InlineOps(ops, TextOptions{Context: 3})
	want := "… ten eleven twelve [-old-]{+new+} thirteen fourteen fifteen …"
	if got != want {
		t.Errorf("InlineOps = %q, want %q", got, want)
	}
	col := InlineOps(ops, TextOptions{Context: 3, Color: true})
	if !strings.Contains(col, "\x1b[31mold\x1b[0m") || !strings.Contains(col, "\x1b[32mnew\x1b[0m") {
		t.Errorf("coloured = %q", col)
	}
}
