package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/eval"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

type evalOptions struct {
	IO           *IOStreams
	Factory      *Factory
	Gold         string
	MinAgreement float64
	MinPenalty   float64
	MinEvidence  float64
	Unseal       bool
}

func newCmdEval(f *Factory) *cobra.Command { return newCmdEvalWith(f, nil) }

func newCmdEvalWith(f *Factory, runF func(*evalOptions) error) *cobra.Command {
	opts := &evalOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "eval GOLD.yaml",
		Short: "Measure the engine's verdicts and penalty rows against a hand-labelled gold file",
		Long: `Eval analyses every unit of a gold file (a set of statute files with the expected
verdict per requirement and the expected penalty rows; format in docs/gold-format.md)
and prints the exact-verdict agreement over the core requirement IDs, a confusion
matrix, every disagreement with the engine's explanation and evidence, and the share
of gold penalty rows reproduced exactly (min, max, life, fine alternative).

A unit's base "realdata" is the statutes directory of the real data (LACUNA_REALDATA,
else ../shared/realdata next to the repository); "realdata-dev" is its statutes-dev
directory; "corpus" is the embedded demo corpus (or --corpus DIR); any other base is
a directory relative to the gold file.

Where the gold cites provisions for a requirement, eval also checks the evidence: the
first provision the engine quotes must be one the gold cites, or lie inside it (a
parent section does not count). Agreement is also reported by gold verdict and by
language.

A gold file marked "sealed: true" is a held-out set: it is measured rarely and never
tuned on, so eval refuses it unless --unseal is given.

--min-agreement P exits 1 when the agreement is below P percent; --min-penalty P
likewise for penalty accuracy, --min-evidence P for the evidence check.` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Gold = args[0]
			if opts.MinAgreement < 0 || opts.MinAgreement > 100 || opts.MinPenalty < 0 || opts.MinPenalty > 100 ||
				opts.MinEvidence < 0 || opts.MinEvidence > 100 {
				return usageErrorf("--min-agreement, --min-penalty and --min-evidence are percentages, expected 0 to 100")
			}
			if runF != nil {
				return runF(opts)
			}
			return evalRun(opts)
		},
	}
	cmd.Flags().Float64Var(&opts.MinAgreement, "min-agreement", 0, "exit 1 when exact-verdict agreement (percent) is below this")
	cmd.Flags().Float64Var(&opts.MinPenalty, "min-penalty", 0, "exit 1 when penalty-row accuracy (percent) is below this")
	cmd.Flags().Float64Var(&opts.MinEvidence, "min-evidence", 0, "exit 1 when the share of first quotes the gold cites (percent) is below this")
	cmd.Flags().BoolVar(&opts.Unseal, "unseal", false, "measure a gold file marked sealed (held out; never tune on it)")
	return cmd
}

// realdataStatutes finds the real-data statutes directory: LACUNA_REALDATA,
// else ../shared/realdata beside the repository holding dir.
func realdataStatutes(f *Factory, from string) string {
	for _, kv := range f.Environ {
		if len(kv) > len("LACUNA_REALDATA=") && kv[:len("LACUNA_REALDATA=")] == "LACUNA_REALDATA=" {
			return filepath.Join(kv[len("LACUNA_REALDATA="):], "statutes")
		}
	}
	d, err := filepath.Abs(from)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "realdata", "statutes")
		}
		p := filepath.Dir(d)
		if p == d {
			return ""
		}
		d = p
	}
}

func evalRun(opts *evalOptions) error {
	f := opts.Factory
	src, err := statute.ReadPath(opts.Gold)
	if err != nil {
		return &inputError{fmt.Errorf("read gold file: %w", err)}
	}
	m, err := f.Workspace().Map()
	if err != nil {
		return err
	}
	g, err := eval.ParseGold(opts.Gold, src, m)
	if err != nil {
		return &inputError{err}
	}
	if g.Sealed && !opts.Unseal {
		return &inputError{fmt.Errorf("%s is sealed (a held-out set that is measured, never tuned on), expected --unseal to measure it", opts.Gold)}
	}
	goldDir := filepath.Dir(opts.Gold)
	bases := eval.Bases{"": os.DirFS(goldDir), eval.BaseCorpus: corpus.FS}
	if f.Global.Corpus != "" {
		bases[eval.BaseCorpus] = os.DirFS(f.Global.Corpus)
	}
	if rd := realdataStatutes(f, goldDir); rd != "" {
		if st, err := os.Stat(rd); err == nil && st.IsDir() {
			bases[eval.BaseRealdata] = os.DirFS(rd)
		}
		dev := filepath.Join(filepath.Dir(rd), "statutes-dev")
		if st, err := os.Stat(dev); err == nil && st.IsDir() {
			bases[eval.BaseDev] = os.DirFS(dev)
		}
		fresh := filepath.Join(filepath.Dir(rd), "statutes-fresh")
		if st, err := os.Stat(fresh); err == nil && st.IsDir() {
			bases[eval.BaseFresh] = os.DirFS(fresh)
		}
	}
	eng, err := score.Compile(m)
	if err != nil {
		return &inputError{err}
	}
	rep, err := eval.Run(g, eng, eval.FSLoader(bases))
	if err != nil {
		return &inputError{err}
	}
	rep.Write(f.IO.Out)
	for _, x := range rep.Renamed {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s: unit %s cites provision %q, which is now %q (provision IDs changed, see \"IDs that changed\" in corpus/FORMAT.md); scored as %q, expected the ID now\n", opts.Gold, x.Unit, x.Old, x.New, x.New)
	}
	if rep.Agreement() < opts.MinAgreement || rep.PenaltyAccuracy() < opts.MinPenalty ||
		(rep.Evidence.Total > 0 && rep.EvidenceAccuracy() < opts.MinEvidence) {
		fmt.Fprintf(f.IO.ErrOut, "below target: agreement %.1f%% (minimum %g%%), penalty rows %.1f%% (minimum %g%%), evidence %.1f%% (minimum %g%%)\n",
			rep.Agreement(), opts.MinAgreement, rep.PenaltyAccuracy(), opts.MinPenalty, rep.EvidenceAccuracy(), opts.MinEvidence)
		return &exitError{code: exitFindings}
	}
	return nil
}
