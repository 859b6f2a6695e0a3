package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/server"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type serveOptions struct {
	IO       *IOStreams
	Factory  *Factory
	Addr     string
	Reviewer string
	Hosts    []string
	// ExportGold, when set, writes the decisions as a gold file there
	// ("-" = standard output) instead of serving.
	ExportGold string
	// ready, when set, is called with the server's URL once it listens
	// (tests).
	ready func(url string)
}

func newCmdServe(f *Factory) *cobra.Command { return newCmdServeWith(f, nil) }

func newCmdServeWith(f *Factory, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--corpus DIR] [--reviewer NAME]",
		Short: "The reviewer's workbench: confirm or override each finding in a local web page",
		Long: `Serve starts a local web application where a lawyer reads each finding beside the
law it quotes and confirms or overrides it with a rationale. It prints the URL to open.

Pages: the countries of the corpus (score, verdict counts, findings reviewed, last
review); a country's findings, filterable by pillar, verdict, review state and
child-specific; a review queue (unreviewed first, flagged and least confident first;
key n opens the next unreviewed finding); each finding with its quoted provisions shown
in the statute's text, the nearest provisions for a gap, the engine's review flags, the
decision form and the decision history; each statute with its outline.

Decisions are written to the country's overrides file beside the corpus
(<corpus>/<country>/overrides.yaml, or <corpus>/overrides/<COUNTRY>.yaml when that
exists), in the format --overrides reads, keeping the comments and order of a
hand-edited file. Each records whether it confirms or overrides, the machine verdict,
the statute versions and a hash of the quoted text it was made on; when the law or the
machine verdict changes, the decision stops applying and the finding asks for a
re-review (lacuna analyze shows "re-review"). The embedded demo corpus is read-only:
give --corpus DIR to record decisions. A decision submitted from a page loaded before
another decision was written is refused (HTTP 409) and the page says so.

--export-gold FILE writes the current decisions as a gold file that lacuna eval reads
(one unit per country, base "corpus"), then exits; "-" writes to standard output. The
running server offers the same file at /export/gold.yaml. Evaluate it with the same
--corpus: lacuna --corpus DIR eval FILE.

Security: the server listens on 127.0.0.1:8080 unless --addr says otherwise; any other
address needs an access token, which is generated and shown in the printed URL. Requests
must name the listening address (or a --host name) in their Host header, every form
carries a CSRF token, pages send a Content-Security-Policy without inline script, and
no request names a file: countries, findings and statutes are IDs of the loaded corpus.` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
				return usageErrorf("--addr %q: %v, expected host:port (e.g. 127.0.0.1:8080)", opts.Addr, err)
			}
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on; other than loopback needs the access token printed in the URL")
	fl.StringVar(&opts.Reviewer, "reviewer", "", "reviewer name the decision form is filled in with")
	fl.StringSliceVar(&opts.Hosts, "host", nil, "further host names the server may be reached by (Host header check)")
	fl.StringVar(&opts.ExportGold, "export-gold", "", "write the decisions as a gold file for lacuna eval to FILE (- = stdout) and exit")
	return cmd
}

func serveRun(ctx context.Context, opts *serveOptions) error {
	w := opts.Factory.Workspace()
	if d := w.Config().Corpus; d != "" {
		if err := workspace.CheckDir(d, "corpus"); err != nil {
			return err
		}
	}
	if _, err := w.Map(); err != nil {
		return err
	}
	if opts.ExportGold != "" {
		s, err := server.New(server.Config{Workspace: w, Addr: "127.0.0.1:0"})
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := s.ExportGold(ctx, &b); err != nil {
			return err
		}
		if opts.ExportGold == "-" {
			_, err := b.WriteTo(opts.IO.Out)
			return err
		}
		return writeFileAtomic(opts.ExportGold, b.Bytes())
	}

	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	defer ln.Close()
	cfg := server.Config{Workspace: w, Addr: ln.Addr().String(), Reviewer: opts.Reviewer, Hosts: opts.Hosts}
	host, _, _ := net.SplitHostPort(opts.Addr)
	if ip := net.ParseIP(host); host != "" && ip == nil {
		cfg.Hosts = append(cfg.Hosts, host) // reached by the name it was given
	} else if host == "" || ip.IsUnspecified() {
		// every address of this computer: each may be named in Host, and
		// the printed URL names the first that is not loopback
		_, port, _ := net.SplitHostPort(cfg.Addr)
		shown := ""
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					cfg.Hosts = append(cfg.Hosts, n.IP.String())
					if shown == "" && !n.IP.IsLoopback() && n.IP.To4() != nil {
						shown = n.IP.String()
					}
				}
			}
		}
		if shown != "" {
			cfg.Hosts = append(cfg.Hosts, cfg.Addr)
			cfg.Addr = net.JoinHostPort(shown, port)
		}
	}
	if !server.IsLoopback(cfg.Addr) {
		if cfg.Token, err = server.NewToken(); err != nil {
			return err
		}
	}
	s, err := server.New(cfg)
	if err != nil {
		return usageErrorf("%v", err)
	}
	hs := s.HTTPServer()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	fmt.Fprintf(opts.IO.Out, "Lacuna reviewer's workbench: %s\n", s.URL())
	if w.Config().Corpus == "" {
		fmt.Fprintln(opts.IO.ErrOut, "serving the embedded demo corpus read-only; give --corpus DIR to record decisions")
	}
	if !server.IsLoopback(cfg.Addr) {
		fmt.Fprintln(opts.IO.ErrOut, "listening beyond this computer: only someone holding the URL's token can open it")
	}
	if opts.ready != nil {
		opts.ready(s.URL())
	}
	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			return fmt.Errorf("stop serving: %w", err)
		}
		return nil
	}
}
