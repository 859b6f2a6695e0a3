package index

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestArticleIDLetterSuffix: "section 98c" and "section 98aa" find the
// sections numbered 98C and 98AA, however short the number.
func TestArticleIDLetterSuffix(t *testing.T) {
	st, err := statute.Parse("xta/act.md", []byte("---\nid: xta/act\ncountry: XTA\ntitle: Act\nlanguage: en\n---\n\n# Act\n\n### 7A Jurisdiction\n\nText.\n\n### 98C Smuggling\n\nText.\n\n### 98AA Dealing\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"s7a": "s7A", "s98c": "s98C", "s98aa": "s98AA", "s99": "s99"} {
		if got := articleID(st, in); got != want {
			t.Errorf("articleID(%q) = %q, want %q", in, got, want)
		}
	}
}
