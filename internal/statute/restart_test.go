package statute

import (
	"strings"
	"testing"
)

// A numbering that restarts in a division of its own (a Schedule's
// paragraphs, a second Book's articles) is read with the division in the
// later IDs; the same number twice in one division stays an error.
func TestNumberingRestartsInDivision(t *testing.T) {
	src := `---
country: XZY
title: Restart Act
id: xzy/restart
language: en
---

# Part 1 Offences

## 1 Trafficking

A person commits an offence if the person recruits another person for exploitation.

## 2 Penalty

A person guilty of an offence under section 1 is liable to imprisonment for life.

# Schedule 1 Amendments

## 1

In the Other Act 1990, in section 4, omit "servant".

## 2

In the Other Act 1990, in section 7, insert "child".
`
	st, err := Parse("restart.md", []byte(src))
	if err != nil {
		t.Fatalf("a schedule that numbers its paragraphs anew is refused: %v", err)
	}
	var ids []string
	for _, p := range st.All {
		ids = append(ids, string(p.ID))
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"s1", "s2", "schedule-1/s1", "schedule-1/s2"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("IDs %q lack %q", got, want)
		}
	}
	fr := strings.Replace(src, "# Schedule 1 Amendments\n\n## 1\n", "# Part 1 again\n\n## 1\n", 1)
	fr = strings.Replace(fr, "# Part 1 again\n\n## 1\n", "## 1\n", 1)
	if _, err := Parse("dup.md", []byte(fr)); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("the same number twice in one division is accepted: %v", err)
	}
}
