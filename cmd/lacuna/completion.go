package main

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/report"
)

// addCompletions teaches shell completion (lacuna completion bash|zsh|
// fish|powershell) the values of the corpus and map in use: countries
// (--country, compare's arguments), statute IDs (--statute, corpus show),
// requirement IDs (mapping show), formats (--format, from the format
// registry) and templates (--template).
func addCompletions(f *Factory, root *cobra.Command) {
	none := cobra.ShellCompDirectiveNoFileComp
	countries := func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(corpusCountries(f), prefix), none
	}
	statutes := func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		plan, err := f.Workspace().Plan("")
		if err != nil {
			return nil, none
		}
		seen := map[string]bool{}
		var ids []string
		for _, cc := range plan.Countries {
			for _, m := range plan.Metas(cc) {
				if id := string(m.ID); !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		sort.Strings(ids)
		return withPrefix(ids, prefix), none
	}
	requirements := func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		m, err := f.Workspace().Map()
		if err != nil || len(args) > 0 {
			return nil, none
		}
		var ids []string
		for _, r := range m.Requirements {
			ids = append(ids, string(r.ID))
		}
		return withPrefix(ids, prefix), none
	}
	root.RegisterFlagCompletionFunc("format", func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(commandFormats[cmd.CommandPath()], prefix), none
	})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("country") != nil {
			c.RegisterFlagCompletionFunc("country", countries)
		}
		if c.Flags().Lookup("statute") != nil {
			c.RegisterFlagCompletionFunc("statute", statutes)
		}
		if c.Flags().Lookup("template") != nil {
			c.RegisterFlagCompletionFunc("template", func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
				return withPrefix(report.Templates, prefix), none
			})
		}
		switch c.CommandPath() {
		case "lacuna compare":
			c.ValidArgsFunction = countries
		case "lacuna corpus show":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, none
				}
				return statutes(cmd, args, prefix)
			}
		case "lacuna mapping show":
			c.ValidArgsFunction = requirements
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func withPrefix(xs []string, prefix string) []string {
	var out []string
	for _, x := range xs {
		if strings.HasPrefix(strings.ToLower(x), strings.ToLower(prefix)) {
			out = append(out, x)
		}
	}
	return out
}
