package testutil

import (
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// englishOnly are words a French or Spanish briefing pack must not
// contain: English function words and the pack's own English vocabulary,
// chosen so that none is also a French or Spanish word ("date", "notes",
// "version", "score", "page", "source", "instrument", "minimum", "protection",
// "no" are left out for that reason).
var englishOnly = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of with is are was were not found which what how by for from this
that none every machine weight pillar verdict evidence gap met law laws review reviewed reviewer reviewers
contents statute statutes provision provisions missing requirement requirements briefing country
analysis findings standard standards penalty penalties offence years months days year month day life yes
fine prison party signatory unknown treaty mandatory confidence nearest lacks has recommendation model we
our ask why amend timeline changes closed opened before after today generated quoted annex file
language english french spanish german partial contrary undetermined applicable prosecution prevention
partnership overall status kind expires rationale strong gravest method limits scorecard sheet sheets
variant basic child victim asks headline works laws read
january february march april june july august september october november december`) {
		englishOnly[w] = true
	}
}

var (
	linkTarget = regexp.MustCompile(`\]\(#[^)]*\)|\{#[^}]*\}`)
	wordRE     = regexp.MustCompile(`[\p{L}]+`)
)

// EnglishLeft returns, sorted and unique, the English-only words of text
// (case folded), after removing Markdown link targets and heading IDs,
// which are identifiers.
func EnglishLeft(text string) []string {
	text = linkTarget.ReplaceAllString(text, "")
	seen := map[string]bool{}
	var out []string
	for _, w := range wordRE.FindAllString(text, -1) {
		w = strings.ToLower(w)
		if englishOnly[w] && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// Scrub sets every string and every string of a []string held in a field
// named in fields, anywhere in the struct tree v points to, to mark. Tests
// use it to blank text that is not the pack's own (the map's English
// titles, statute quotes) before checking a translation.
func Scrub(v any, mark string, fields ...string) {
	names := map[string]bool{}
	for _, f := range fields {
		names[f] = true
	}
	scrub(reflect.ValueOf(v), names, mark, false)
}

func scrub(v reflect.Value, names map[string]bool, mark string, hit bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scrub(v.Elem(), names, mark, hit)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() || !unicode.IsUpper(rune(t.Field(i).Name[0])) {
				continue
			}
			scrub(v.Field(i), names, mark, names[t.Field(i).Name])
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			scrub(v.Index(i), names, mark, hit)
		}
	case reflect.String:
		if hit && v.CanSet() && v.String() != "" {
			v.SetString(mark)
		}
	}
}
