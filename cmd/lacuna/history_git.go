package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

// gitHistoryReport is "lacuna history --git" as JSON.
type gitHistoryReport struct {
	Repository string             `json:"repository"`
	Paths      []string           `json:"paths"`
	Country    string             `json:"country"`
	Mapping    string             `json:"mapping_version"`
	Versions   []gitHistoryPoint  `json:"versions"`
	Warnings   []string           `json:"warnings"`
	Statutes   []gitHistoryCommit `json:"commits"` // every commit read, removed files included
}

type gitHistoryPoint struct {
	Commit    string             `json:"commit"` // the commit of this date (the last one when several paths changed)
	Commits   []string           `json:"commits,omitempty"`
	Date      string             `json:"date"`
	Subject   string             `json:"subject"`
	Bootstrap bool               `json:"bootstrap,omitempty"`
	Overall   float64            `json:"overall"`
	Pillars   map[string]float64 `json:"pillars"`
	Counts    map[string]int     `json:"counts"`
	Changes   []gitHistoryChange `json:"changes"`
}

type gitHistoryChange struct {
	Requirement string   `json:"requirement"`
	From        string   `json:"from"`
	To          string   `json:"to"`
	Better      bool     `json:"better"`
	Causes      []string `json:"causes,omitempty"`
}

type gitHistoryCommit struct {
	Commit    string `json:"commit"`
	Date      string `json:"date"`
	Path      string `json:"path"`
	Subject   string `json:"subject"`
	Bootstrap bool   `json:"bootstrap,omitempty"`
	Removed   bool   `json:"removed,omitempty"`
	Statute   string `json:"statute,omitempty"`
}

func historyGitRun(ctx context.Context, opts *historyOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	h, err := workspace.LoadGit(ctx, workspace.GitSource{Repo: opts.Git, Paths: opts.Paths, DateFrom: opts.DateFrom})
	if err != nil {
		return err
	}
	tl, err := workspace.GitTimelineOf(m, h, score.Options{Country: opts.Country, AsOf: opts.AsOf, LacunaVersion: version})
	if err != nil {
		return err
	}
	rep := gitHistoryReport{Repository: opts.Git, Paths: opts.Paths, Country: tl.Country, Mapping: m.Version,
		Versions: []gitHistoryPoint{}, Warnings: []string{}, Statutes: []gitHistoryCommit{}}
	for _, e := range h.Warnings {
		rep.Warnings = append(rep.Warnings, e.Error())
	}
	for _, v := range h.Versions {
		c := gitHistoryCommit{Commit: v.Hash, Date: v.Date, Path: v.Path, Subject: v.Subject, Bootstrap: v.Bootstrap, Removed: v.Deleted}
		if v.Statute != nil {
			c.Statute = string(v.Statute.Meta.ID)
		}
		rep.Statutes = append(rep.Statutes, c)
	}
	for _, p := range tl.Points {
		hp := gitHistoryPoint{Date: p.Date, Bootstrap: p.Bootstrap, Overall: p.Overall, Pillars: p.Pillars,
			Counts: map[string]int{}, Changes: []gitHistoryChange{}}
		for _, c := range p.Commits {
			hp.Commit, hp.Subject = c.Hash, c.Subject
			hp.Commits = append(hp.Commits, c.Hash)
		}
		if len(hp.Commits) < 2 {
			hp.Commits = nil
		}
		for _, vc := range p.Counts {
			hp.Counts[vc.Verdict] = vc.Count
		}
		for _, ch := range p.Changes {
			hp.Changes = append(hp.Changes, gitHistoryChange{Requirement: ch.Requirement, From: ch.From, To: ch.To, Better: ch.Better, Causes: ch.Causes})
		}
		rep.Versions = append(rep.Versions, hp)
	}
	var buf bytes.Buffer
	if opts.Format == "json" {
		err = writeJSON(&buf, rep)
	} else {
		writeGitHistoryText(&buf, &rep)
	}
	if err != nil {
		return err
	}
	if n := len(h.Corpus.Warnings); n > 0 && !f.Global.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "%d warnings in the statute texts (headings without numbers, repeated markers); lacuna corpus validate on a checked-out version lists them\n", n)
	}
	if opts.Format != "json" {
		for _, wn := range rep.Warnings {
			fmt.Fprintln(opts.IO.ErrOut, wn)
		}
	}
	_, err = opts.IO.Out.Write(buf.Bytes())
	return err
}

func writeGitHistoryText(w io.Writer, rep *gitHistoryReport) {
	fmt.Fprintf(w, "History of %s in %s (%s, map %s): %d versions\n\n", strings.Join(rep.Paths, ", "), rep.Repository, rep.Country, rep.Mapping, len(rep.Versions))
	fmt.Fprintf(w, "  %-10s %-8s %7s %5s %5s %5s %5s %4s %4s %4s  %s\n", "DATE", "COMMIT", "OVERALL", "PROS", "PROT", "PREV", "PART", "MET", "PART", "GAP", "REFORM")
	for _, p := range rep.Versions {
		subject := p.Subject
		if p.Bootstrap {
			subject = "(bootstrap: the text as first recorded) " + subject
		}
		fmt.Fprintf(w, "  %-10s %-8s %7.1f", p.Date, short(p.Commit), p.Overall)
		for _, pl := range pillarNames() {
			fmt.Fprintf(w, " %5.1f", p.Pillars[pl])
		}
		fmt.Fprintf(w, " %4d %4d %4d  %s\n", p.Counts["met"], p.Counts["partial"], p.Counts["gap"], subject)
		for _, ch := range p.Changes {
			word := "worse: "
			if ch.Better {
				word = "better:"
			}
			line := fmt.Sprintf("%s %s %s→%s", word, ch.Requirement, ch.From, ch.To)
			if len(ch.Causes) > 0 {
				line += " by " + strings.Join(ch.Causes, "; ")
			}
			fmt.Fprintf(w, "  %10s   %s\n", "", line)
		}
	}
}

func short(h string) string {
	if len(h) > 8 {
		return h[:8]
	}
	return h
}
