package reason

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEnglishLoads(t *testing.T) {
	c, err := English()
	if err != nil {
		t.Fatal(err)
	}
	if c.Lang != "en" || len(c.Codes()) < 40 {
		t.Fatalf("English catalogue: lang %q, %d codes", c.Lang, len(c.Codes()))
	}
}

// TestRenderEveryCode renders every code of every catalogue with sample
// arguments of each kind the engine passes (string, int, float, list):
// nothing is left unrendered and every argument appears in the text.
func TestRenderEveryCode(t *testing.T) {
	c, err := English()
	if err != nil {
		t.Fatal(err)
	}
	samples := []any{"SAMPLE", 17, 2.5, []string{"first", "second"}}
	want := []string{"SAMPLE", "17", "2.5", "first; second"}
	for _, code := range c.Codes() {
		names, _ := c.Args(code)
		for k := range samples {
			args := Args{}
			for _, n := range names {
				args[n] = samples[k]
			}
			if len(args) == 0 {
				args = nil
			}
			s, err := c.Render(New(code, args))
			if err != nil {
				t.Errorf("%s: %v", code, err)
				continue
			}
			if s == "" || strings.ContainsAny(s, "{}") {
				t.Errorf("%s: rendered %q", code, s)
			}
			if len(names) > 0 && !strings.Contains(s, want[k]) {
				t.Errorf("%s: %q lacks the argument %q", code, s, want[k])
			}
		}
	}
}

func testCatalogue(t *testing.T) *Catalogue {
	t.Helper()
	c, err := Parse("t.yaml", "en", []byte(`# test
plain: "no arguments"
years: "at least {years} years ({clauses} clauses)"
list: "missing: {missing}"
twice: "{x} and {x}"
permissive-wording: "permissive wording: \"may\""
`))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRender(t *testing.T) {
	c := testCatalogue(t)
	tests := []struct {
		name string
		r    Reason
		want string
		err  string
	}{
		{name: "no args", r: New("plain", nil), want: "no arguments"},
		{name: "float and int", r: New("years", Args{"years": 5.0, "clauses": 3}), want: "at least 5 years (3 clauses)"},
		{name: "fraction", r: New("years", Args{"years": 2.5, "clauses": 1}), want: "at least 2.5 years (1 clauses)"},
		{name: "list", r: New("list", Args{"missing": []string{"a", "b c"}}), want: "missing: a; b c"},
		{name: "repeated placeholder", r: New("twice", Args{"x": "y"}), want: "y and y"},
		{name: "qualifier", r: New("plain", nil).With(New("permissive-wording", nil)), want: `no arguments (permissive wording: "may")`},
		{name: "zero reason", r: Reason{}, want: ""},
		{name: "unknown code", r: New("nope", nil), err: `reason "nope" is not in the en catalogue`},
		{name: "missing argument", r: New("years", Args{"years": 5}), err: `argument "clauses" missing`},
		{name: "extra argument", r: New("plain", Args{"x": 1}), err: `argument "x" is not used`},
		{name: "unknown qualifier", r: New("plain", nil).With(New("nope", nil)), err: `reason "nope" is not in`},
		{name: "bad value", r: New("list", Args{"missing": map[string]int{}}), err: "expected a string, a number or a list of strings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Render(tc.r)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestRenderAfterJSON: a reason read back from a saved run (numbers as
// float64, lists as []any) renders the same text.
func TestRenderAfterJSON(t *testing.T) {
	c := testCatalogue(t)
	for _, r := range []Reason{
		New("years", Args{"years": 10.0, "clauses": 4}),
		New("list", Args{"missing": []string{"x", "y"}}).With(New("permissive-wording", nil)),
	} {
		want, err := c.Render(r)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Reason
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if got, err := c.Render(back); err != nil || got != want {
			t.Errorf("%s: after JSON %q, %v; want %q", b, got, err, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"not a mapping", "- a\n- b\n", []string{"t.yaml:1: not a mapping"}},
		{"bad code", "ok: \"x\"\nBad Code: \"y\"\n", []string{`t.yaml:2: reason code "Bad Code"`}},
		{"duplicate", "a: \"x\"\nb: \"y\"\na: \"z\"\n", []string{`t.yaml:3: invalid YAML: mapping key "a" already defined`}},
		{"not a string", "a: [x]\n", []string{`t.yaml:1: reason "a" is not a string`}},
		{"unclosed", "a: \"x {y\"\n", []string{`t.yaml:1: reason "a": '{' without '}'`}},
		{"stray close", "a: \"x} y\"\n", []string{`t.yaml:1: reason "a": '}' without '{'`}},
		{"bad placeholder", "a: \"{Y}\"\n", []string{`t.yaml:1: reason "a": placeholder {Y}`}},
		{"all errors sorted", "a: \"{\"\nb: [1]\n", []string{"t.yaml:1:", "t.yaml:2:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.yaml", "en", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			last := -1
			for _, w := range tc.want {
				i := strings.Index(msg, w)
				if i < 0 || i < last {
					t.Fatalf("error %q lacks %q (in this order)", msg, w)
				}
				last = i
			}
		})
	}
}

func TestLoadMissingLanguage(t *testing.T) {
	fsys := fstest.MapFS{"reasons/en.yaml": {Data: []byte("a: \"x\"\n")}}
	if _, err := Load(fsys, "fr"); err == nil {
		t.Fatal("a language without a catalogue loaded")
	}
	c, err := Load(fsys, "en")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Render(New("a", nil)); err != nil {
		t.Fatal(err)
	}
}

// TestDecimalComma: a number argument is written with the decimal
// separator of the catalogue's language.
func TestDecimalComma(t *testing.T) {
	for _, tc := range []struct {
		lang string
		v    any
		want string
	}{
		{"en", 5.5, "max 5.5"}, {"fr", 5.5, "max 5,5"}, {"es", 0.25, "max 0,25"},
		{"fr", 4.0, "max 4"}, {"fr", 30, "max 30"}, {"fr", "1.5", "max 1.5"}, // strings are not numbers
	} {
		c, err := Parse("x.yaml", tc.lang, []byte("m: \"max {n}\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Render(New("m", Args{"n": tc.v}))
		if err != nil || got != tc.want {
			t.Errorf("%s %v: %q, %v; want %q", tc.lang, tc.v, got, err, tc.want)
		}
	}
}
