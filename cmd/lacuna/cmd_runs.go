package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/store"
)

type runsOptions struct {
	IO      *IOStreams
	Factory *Factory
	Country string
	Format  string
}

func newCmdRuns(f *Factory) *cobra.Command { return newCmdRunsWith(f, nil) }

func newCmdRunsWith(f *Factory, runF func(*runsOptions) error) *cobra.Command {
	opts := &runsOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "runs [--country X] [--format text|json|csv]",
		Short: "List the analysis runs saved in the store",
		Long: `Runs lists the analysis runs recorded in the store (--db, default
$XDG_DATA_HOME/lacuna/lacuna.db) by "lacuna analyze --save" and "lacuna brief",
oldest first: run ID, time, country, as-of date, tool and map versions, the
overall and pillar scores and the number of statute versions analysed.

--format text (default), json (an array of runs with their scores and the
content hashes of the statute versions) or csv (one row a run).` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "text", "json", "csv":
			default:
				return usageErrorf("unknown --format %q for runs, expected text, json or csv", opts.Format)
			}
			opts.Country = strings.ToUpper(opts.Country)
			if runF != nil {
				return runF(opts)
			}
			return runsRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Country, "country", "", "only the runs of this country (ISO 3166 alpha-3)")
	return cmd
}

func runsRun(ctx context.Context, opts *runsOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	// A read: the store is opened read-only and never created; no store
	// yet lists no runs.
	w := opts.Factory.Workspace()
	if w.Config().DB == "" {
		return errNoDB
	}
	s, err := w.ReadStore(ctx)
	if err != nil {
		return err
	}
	var runs []store.Run
	if s != nil {
		defer s.Close()
		if runs, err = s.Runs(ctx, opts.Country); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		if runs == nil {
			runs = []store.Run{}
		}
		err = writeJSON(&buf, runs)
	case "csv":
		err = writeRunsCSV(&buf, runs)
	default:
		writeRunsText(&buf, runs)
	}
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(buf.Bytes())
	return err
}

func writeRunsText(w io.Writer, runs []store.Run) {
	if len(runs) == 0 {
		fmt.Fprintln(w, "no saved runs (record one with lacuna analyze --save)")
		return
	}
	fmt.Fprintf(w, "%-32s %-20s %-7s %-10s %-10s %-10s %7s %5s %5s %5s %5s %8s\n",
		"RUN", "CREATED", "COUNTRY", "AS OF", "LACUNA", "MAP", "OVERALL", "PROS", "PROT", "PREV", "PART", "STATUTES")
	for _, r := range runs {
		fmt.Fprintf(w, "%-32s %-20s %-7s %-10s %-10s %-10s %7.1f", r.ID, r.Created, r.Country, orDash(r.AsOf),
			r.LacunaVersion, r.MappingVersion, r.Overall)
		for _, p := range pillarNames() {
			fmt.Fprintf(w, " %5.1f", r.Scores.Pillars[p])
		}
		fmt.Fprintf(w, " %8d\n", len(r.Statutes))
	}
}

func writeRunsCSV(w io.Writer, runs []store.Run) error {
	cw := newCSVWriter(w)
	head := []string{"run", "created", "country", "as_of", "lacuna_version", "mapping_version", "overall"}
	head = append(head, pillarNames()...)
	head = append(head, "enforcement", "treaty", "statutes", "options")
	cw.Write(head)
	for _, r := range runs {
		row := []string{r.ID, r.Created, r.Country, r.AsOf, r.LacunaVersion, r.MappingVersion, fmt.Sprintf("%.1f", r.Overall)}
		for _, p := range pillarNames() {
			row = append(row, fmt.Sprintf("%.1f", r.Scores.Pillars[p]))
		}
		var opts []string
		for k, v := range r.Options {
			opts = append(opts, k+"="+v)
		}
		sort.Strings(opts)
		row = append(row, fmt.Sprintf("%.1f", r.Scores.Enforcement), fmt.Sprintf("%.1f", r.Scores.Treaty),
			strings.Join(r.Statutes, " "), strings.Join(opts, "; "))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
