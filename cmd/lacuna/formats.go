package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// commandFormats is the one registry of the --format values each command
// can produce, by command path; the first is the default. "md" and
// "markdown" are one format, spelled as the command spells it. A command
// not listed (one added later) checks its own.
var commandFormats = map[string][]string{
	"lacuna analyze":           {"text", "json", "csv", "markdown"},
	"lacuna brief":             {"pdf", "md", "html"},
	"lacuna compare":           {"text", "json", "csv", "md", "pdf"},
	"lacuna corpus list":       {"text", "json", "csv"},
	"lacuna corpus show":       {"text", "json"},
	"lacuna corpus validate":   {"text", "json"},
	"lacuna diff":              {"text", "markdown", "json", "csv"},
	"lacuna eval":              {"text"},
	"lacuna history":           {"text", "csv", "json"},
	"lacuna mapping crosswalk": {"md", "csv"},
	"lacuna mapping list":      {"text", "json", "csv"},
	"lacuna mapping show":      {"text", "json"},
	"lacuna mapping validate":  {"text"},
	"lacuna runs":              {"text", "json", "csv"},
	"lacuna search":            {"text", "json", "csv"},
	"lacuna version":           {"text", "json"},
}

// checkFormat refuses a --format the command cannot produce (exit 2),
// never ignoring it, and rewrites md/markdown to the command's spelling.
func checkFormat(c *cobra.Command, g *globalOptions) error {
	formats, ok := commandFormats[c.CommandPath()]
	if !ok || g.Format == "" {
		return nil
	}
	want := strings.ToLower(g.Format)
	for _, f := range formats {
		if f == want || (f == "md" && want == "markdown") || (f == "markdown" && want == "md") {
			g.Format = f
			return nil
		}
	}
	return usageErrorf("unknown --format %q for %s, expected %s", g.Format, strings.TrimPrefix(c.CommandPath(), "lacuna "), orList(formats))
}

// orList is "a", "a or b", "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
