package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/store"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type searchOptions struct {
	IO          *IOStreams
	Factory     *Factory
	Query       string
	Country     string
	Role        standard.Role
	Lang        string
	Limit       int
	AsOf        string
	AllVersions bool
	Format      string
}

// searchRoles are the roles --role accepts.
var searchRoles = []standard.Role{standard.RoleDefinition, standard.RoleOffence, standard.RolePenalty,
	standard.RoleProtection, standard.RoleInstitutional, standard.RoleProcedural}

func newCmdSearch(f *Factory) *cobra.Command { return newCmdSearchWith(f, nil) }

func newCmdSearchWith(f *Factory, runF func(*searchOptions) error) *cobra.Command {
	opts := &searchOptions{IO: f.IO, Factory: f}
	var role string
	cmd := &cobra.Command{
		Use:   "search QUERY [--country C] [--role R] [--lang L] [--limit N]",
		Short: "Ranked full-text search over the corpus, with snippets and provision citations",
		Long: `Search finds the provisions of the corpus (--corpus DIR, else the embedded demo
corpus) that contain every word of QUERY, best matches first, each cited by statute,
provision and line with a snippet ([matched words] in brackets).

QUERY is plain words; "double quotes" make a phrase; a trailing * makes a prefix
(recruit*). Accents and case are ignored. Nothing in QUERY is read as search syntax
or SQL: it only ever reaches the database as a bound parameter.

The search reads the store's index (--db), never the whole corpus: files new or
changed since the last search (by size and time, then content hash) are read, and the
versions searched that are not yet indexed by this version of Lacuna are parsed and
indexed first (a progress bar on a terminal). By default the latest version of each statute is searched; --as-of
DATE searches the versions in force on that date, --all-versions every version.
--role keeps provisions of one role (definition, offence, penalty, protection,
institutional, procedural), as the analysis engine classifies them. --lang keeps
statutes in one language (en, fr, de, es…).

--format text (default) or json.` + exitStatusHelp,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("search needs a QUERY, expected e.g. lacuna search \"forced labour\"")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.Join(args, " ")
			opts.Format = f.Global.Format
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "text", "json", "csv":
			default:
				return usageErrorf("unknown --format %q for search, expected text, json or csv", opts.Format)
			}
			if role != "" {
				ok := false
				var names []string
				for _, r := range searchRoles {
					names = append(names, string(r))
					if string(r) == role {
						ok = true
					}
				}
				if !ok {
					return usageErrorf("unknown --role %q, expected one of %s", role, strings.Join(names, ", "))
				}
				opts.Role = standard.Role(role)
			}
			if opts.Limit <= 0 || opts.Limit > 1000 {
				return usageErrorf("--limit %d, expected a number from 1 to 1000", opts.Limit)
			}
			if opts.AsOf != "" && opts.AllVersions {
				return usageErrorf("--as-of and --all-versions exclude each other")
			}
			if opts.AsOf != "" && !validDay(opts.AsOf) {
				return usageErrorf("--as-of %q, expected a date YYYY-MM-DD", opts.AsOf)
			}
			opts.Lang = strings.ToLower(opts.Lang)
			if _, err := store.BuildMatch(opts.Query); err != nil {
				return usageErrorf("search: %v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return searchRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Country, "country", "", "only this country's statutes (ISO 3166 alpha-3)")
	fl.StringVar(&role, "role", "", "only provisions of this role: definition, offence, penalty, protection, institutional, procedural")
	fl.StringVar(&opts.Lang, "lang", "", "only statutes in this language (en, fr, de, es…)")
	fl.IntVar(&opts.Limit, "limit", 20, "at most this many hits")
	fl.StringVar(&opts.AsOf, "as-of", "", "search the versions in force on this date (YYYY-MM-DD)")
	fl.BoolVar(&opts.AllVersions, "all-versions", false, "search every version, not only the latest")
	return cmd
}

func searchRun(ctx context.Context, opts *searchOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	defer workspace.SearchGC()()
	progress, wait := newProgress(f, "indexing statutes ")
	out, err := f.Workspace().Search(ctx, workspace.SearchQuery{Text: opts.Query, Country: opts.Country, Role: opts.Role,
		Language: opts.Lang, Limit: opts.Limit, AsOf: opts.AsOf, AllVersions: opts.AllVersions, Progress: progress})
	wait()
	if err != nil {
		var qe *store.QueryError
		if errors.As(err, &qe) {
			return usageErrorf("search: %v", err)
		}
		return err
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		err = writeJSON(&buf, out)
	case "csv":
		err = writeSearchCSV(&buf, out)
	default:
		writeSearchText(&buf, opts.Query, out)
	}
	if err != nil {
		return err
	}
	_, err = f.IO.Out.Write(buf.Bytes())
	return err
}

func writeSearchText(w io.Writer, query string, hits []workspace.SearchHit) {
	if len(hits) == 0 {
		fmt.Fprintf(w, "no provision matches %q\n", query)
		return
	}
	for i, h := range hits {
		fmt.Fprintf(w, "%2d. %s %s, line %d (%s, version %s)", i+1, h.StatuteID, h.Provision, h.Line, h.Country, orDash(h.VersionDate))
		if h.Heading != "" {
			fmt.Fprintf(w, " — %s", h.Heading)
		}
		if h.Repealed {
			fmt.Fprint(w, " [repealed]")
		}
		if len(h.Roles) > 0 {
			var rs []string
			for _, r := range h.Roles {
				rs = append(rs, string(r))
			}
			fmt.Fprintf(w, " {%s}", strings.Join(rs, ", "))
		}
		fmt.Fprintf(w, "\n    %s\n", strings.Join(strings.Fields(h.Snippet), " "))
	}
}

// writeSearchCSV writes one row per hit, best first.
func writeSearchCSV(w io.Writer, hits []workspace.SearchHit) error {
	cw := newCSVWriter(w)
	cw.Write([]string{"rank", "score", "country", "statute", "version_date", "provision", "line", "heading", "roles", "repealed", "snippet"})
	for i, h := range hits {
		var rs []string
		for _, r := range h.Roles {
			rs = append(rs, string(r))
		}
		cw.Write([]string{strconv.Itoa(i + 1), strconv.FormatFloat(h.Rank, 'f', 3, 64), h.Country, h.StatuteID, h.VersionDate, h.Provision,
			strconv.Itoa(h.Line), h.Heading, strings.Join(rs, " "), strconv.FormatBool(h.Repealed), strings.Join(strings.Fields(h.Snippet), " ")})
	}
	cw.Flush()
	return cw.Error()
}
