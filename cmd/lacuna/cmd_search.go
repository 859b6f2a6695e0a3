package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
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

The corpus is indexed into the store (--db) first; versions already stored are not
indexed again. By default the latest version of each statute is searched; --as-of
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
			case "text", "json":
			default:
				return usageErrorf("unknown --format %q for search, expected text or json", opts.Format)
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

// searchHit is a store hit with the roles of its provision.
type searchHit struct {
	store.Hit
	Roles []standard.Role `json:"roles"`
}

func searchRun(ctx context.Context, opts *searchOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	w := f.Workspace()
	c, err := w.Corpus()
	if err != nil {
		return err
	}
	if opts.Country != "" {
		c = c.Country(opts.Country)
		if len(c.Statutes) == 0 {
			return &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", opts.Country)}
		}
	}
	switch {
	case opts.AllVersions:
	case opts.AsOf != "":
		c = c.AsOf(opts.AsOf)
	default:
		c = c.Latest()
	}
	s, err := w.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := w.IndexCorpus(ctx, s, c); err != nil {
		return err
	}
	q := store.Query{Text: opts.Query, Language: opts.Lang, Limit: opts.Limit}
	bySHA := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		q.SHA256s = append(q.SHA256s, st.SHA256)
		bySHA[st.SHA256] = st
	}
	if len(q.SHA256s) == 0 {
		return &inputError{errors.New("no statutes to search")}
	}
	if opts.Role != "" {
		// Roles are filtered after ranking: ask for more, keep the first.
		q.Limit = min(opts.Limit*20, 5000)
	}
	hits, err := s.Search(ctx, q)
	if err != nil {
		var qe *store.QueryError
		if errors.As(err, &qe) {
			return usageErrorf("search: %v", err)
		}
		return err
	}
	roles := provisionRoles(index.Build(c))
	out := []searchHit{}
	for _, h := range hits {
		sh := searchHit{Hit: h, Roles: []standard.Role{}}
		var rs index.RoleSet
		if st := bySHA[h.SHA256]; st != nil {
			if p := st.Lookup(statute.ProvisionID(h.Provision)); p != nil {
				if rs = roles[p]; rs == 0 {
					rs = roles[p.Section()]
				}
			}
		}
		if opts.Role != "" && !rs.Has(opts.Role) {
			continue
		}
		if r := rs.Roles(); r != nil {
			sh.Roles = r
		}
		out = append(out, sh)
		if len(out) == opts.Limit {
			break
		}
	}
	var buf bytes.Buffer
	if opts.Format == "json" {
		err = writeJSON(&buf, out)
	} else {
		writeSearchText(&buf, opts.Query, out)
	}
	if err != nil {
		return err
	}
	_, err = f.IO.Out.Write(buf.Bytes())
	return err
}

// provisionRoles gives each provision the union of its segments' roles
// (repealed text excluded).
func provisionRoles(ix *index.Index) map[*statute.Provision]index.RoleSet {
	out := map[*statute.Provision]index.RoleSet{}
	for _, seg := range ix.Segments {
		rs := seg.Roles &^ index.Bit(index.RoleRepealed)
		out[seg.Prov] |= rs
		if seg.Section != seg.Prov {
			out[seg.Section] |= rs
		}
	}
	return out
}

func writeSearchText(w io.Writer, query string, hits []searchHit) {
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
