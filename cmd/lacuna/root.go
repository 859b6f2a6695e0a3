package main

import (
	"context"
	"errors"
	"fmt"
	goio "io"
	"io/fs"
	"math"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// version is the tool version; release builds set it with -ldflags.
var version = "0.1.0-dev"

// globalOptions are the persistent flags every command sees.
type globalOptions struct {
	Corpus       string // --corpus DIR; empty = embedded demo corpus
	Mapping      string // --mapping DIR; empty = embedded map
	MappingExtra string // --mapping-extra DIR
	Lexicon      string // --lexicon DIR
	Instruments  string // --instruments DIR (instrument texts, for quoting)
	Format       string // --format
	Quiet        bool
	NoColor      bool
	DB           string // --db PATH
	// MaxInputBytes bounds every input file read (statutes, map,
	// overrides, gold, templates), devices and pipes included.
	MaxInputBytes int64
}

// defaultMaxInputBytes is --max-input-bytes' default: 64 MiB, about 100
// times the largest statute of the real corpus.
const defaultMaxInputBytes = 64 << 20

// Factory gives commands their dependencies; tests build their own.
type Factory struct {
	IO      *IOStreams
	Global  *globalOptions
	Environ []string
	// Now is the clock; only cmd/ reads the real one.
	Now func() timeNow
	// Getwd is the working directory (for relative paths).
	Getwd func() (string, error)

	// the input files -o must not overwrite, listed once (inputIdentity)
	inputsOnce sync.Once
	inputFiles map[int64][]fileEntry
}

// dirFS opens a directory given on the command line as an fs.FS.
func dirFS(dir string) fs.FS { return os.DirFS(dir) }

func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "lacuna",
		Short: "Find the gaps between anti-trafficking law and international standards",
		Long: `Lacuna loads national statutes encoded as Markdown, compares them with a map of
international standards (the Palermo Protocol, the CRC and its Optional Protocols,
ILO C182 and C29, the Council of Europe Convention, and more) and reports, article by
article, what is met, partial, missing or contrary, with the quoted provision that
proves it.` + exitStatusHelp,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version,
	}
	root.SetVersionTemplate("lacuna {{.Version}}\n")
	g := f.Global
	pf := root.PersistentFlags()
	pf.StringVar(&g.Corpus, "corpus", "", "corpus directory of Markdown statutes (default: the embedded demo corpus)")
	pf.StringVar(&g.Mapping, "mapping", "", "map directory of YAML standards (default: the embedded map)")
	pf.StringVar(&g.MappingExtra, "mapping-extra", "", "directory of extra YAML requirements or instruments added to the map")
	pf.StringVar(&g.Lexicon, "lexicon", "", "directory of <lang>.yaml lexicon files whose phrases are added to the map's lexicon")
	pf.StringVar(&g.Instruments, "instruments", "", "directory of instrument texts in statute Markdown format, for quoting articles")
	pf.StringVar(&g.Format, "format", "", "output format (text, json, csv, md, …; each command lists its own)")
	pf.BoolVarP(&g.Quiet, "quiet", "q", false, "print only results and errors")
	pf.BoolVar(&g.NoColor, "no-color", false, "never colour the output")
	pf.StringVar(&g.DB, "db", "", "SQLite store (default: $XDG_DATA_HOME/lacuna/lacuna.db)")
	pf.Int64Var(&g.MaxInputBytes, "max-input-bytes", defaultMaxInputBytes, "largest input file read, in bytes (statutes, map, overrides, gold files, templates; devices and pipes too)")
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if g.MaxInputBytes < 1 || g.MaxInputBytes > math.MaxInt32*4 {
			return usageErrorf("--max-input-bytes %d, expected a size from 1 to %d", g.MaxInputBytes, int64(math.MaxInt32)*4)
		}
		statute.MaxFileSize = int(g.MaxInputBytes)
		standard.MaxFileSize = int(g.MaxInputBytes)
		// NO_COLOR (any value, no-color.org) and TERM=dumb switch colour
		// off as --no-color does.
		if env := envMap(f.Environ); env["NO_COLOR"] != "" || env["TERM"] == "dumb" {
			g.NoColor = true
		}
		return checkFormat(c, g)
	}

	for _, newCmd := range commands {
		root.AddCommand(newCmd(f))
	}
	usageArgs(root)
	addCompletions(f, root)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err}
	})
	return root
}

// commands lists every subcommand constructor, in help order.
var commands = []func(*Factory) *cobra.Command{
	newCmdVersion,
	newCmdMapping,
	newCmdCorpus,
	newCmdAnalyze,
	newCmdEval,
	newCmdRuns,
	newCmdDiff,
	newCmdHistory,
	newCmdSearch,
	newCmdCompare,
	newCmdBrief,
	newCmdServe,
}

func run(ctx context.Context, args []string, environ []string, io *IOStreams) int {
	// Every write to standard output is checked here, whatever the
	// command did with its error: output lost to a full disk or a closed
	// pipe is a failure (exit 3), never a silent success.
	out := &checkedWriter{w: io.Out}
	streams := *io
	streams.Out = out
	io = &streams
	f := &Factory{IO: io, Global: &globalOptions{}, Environ: environ, Now: realNow, Getwd: os.Getwd}
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := cliError(root.ExecuteContext(ctx))
	if err == nil && out.err != nil {
		err = fmt.Errorf("write standard output: %w", unwrapPath(out.err))
	}
	if err != nil {
		var ee *exitError
		if !(asExit(err, &ee) && ee.msg == "") {
			msg := err.Error()
			if !strings.HasPrefix(msg, "lacuna") {
				fmt.Fprintln(io.ErrOut, msg)
			}
		}
		if strings.Contains(err.Error(), "unknown command") || strings.Contains(err.Error(), "unknown flag") {
			return exitInput
		}
	}
	return exitCode(err)
}

// checkedWriter remembers the first write error; later writes are
// dropped.
type checkedWriter struct {
	w   goio.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// usageArgs makes every command's argument check a usage error (exit 2)
// that ends with the command's usage line: "accepts 1 arg(s), received 0"
// from cobra was an exit 3 with no hint.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				var ue *usageError
				if errors.As(err, &ue) {
					return err
				}
				return usageErrorf("%v, expected the arguments below\nUsage: %s", err, cmd.UseLine())
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}
