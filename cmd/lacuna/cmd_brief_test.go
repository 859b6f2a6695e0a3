package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestBriefFlags checks the first half: flags become options (or a usage
// error), through the runF seam, without running anything.
func TestBriefFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		format  string // the global --format
		want    briefOptions
		wantErr string
	}{
		{name: "country", args: []string{"--country", "XEA"},
			want: briefOptions{Country: "XEA", Template: "legal", Format: "pdf"}},
		{name: "all", args: []string{"--all", "--out-dir", "d", "--template", "advocacy"}, format: "markdown",
			want: briefOptions{All: true, OutDir: "d", Template: "advocacy", Format: "md"}},
		{name: "output and as-of", args: []string{"--country", "KEN", "-o", "x.html", "--as-of", "2020-01-02", "--overrides", "o.yaml"}, format: "html",
			want: briefOptions{Country: "KEN", Output: "x.html", AsOf: "2020-01-02", Overrides: "o.yaml", Template: "legal", Format: "html"}},
		{name: "nothing", args: nil, wantErr: "brief needs --country X, statute files or --all"},
		{name: "both", args: []string{"--all", "--country", "X", "--out-dir", "d"}, wantErr: "exclude each other"},
		{name: "all without dir", args: []string{"--all"}, wantErr: "--all needs --out-dir"},
		{name: "all with -o", args: []string{"--all", "--out-dir", "d", "-o", "x"}, wantErr: "expected no -o"},
		{name: "all with overrides", args: []string{"--all", "--out-dir", "d", "--overrides", "o.yaml"}, wantErr: "--overrides FILE is for one country"},
		{name: "template", args: []string{"--country", "X", "--template", "memo"}, wantErr: `unknown --template "memo"`},
		{name: "format", args: []string{"--country", "X"}, format: "csv", wantErr: `unknown --format "csv" for brief`},
		{name: "as-of", args: []string{"--country", "X", "--as-of", "May"}, wantErr: `--as-of "May"`},
		{name: "files", args: []string{"a.md", "b.md", "-o", "x.md"}, format: "md",
			want: briefOptions{Files: []string{"a.md", "b.md"}, Output: "x.md", Template: "legal", Format: "md"}},
		{name: "files and all", args: []string{"a.md", "--all", "--out-dir", "d"}, wantErr: "statute files and --all exclude each other"},
		{name: "files and amendments", args: []string{"a.md", "--template", "amendments"}, wantErr: "use --country X, not statute files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _ := testIO()
			f := &Factory{IO: io, Global: &globalOptions{Format: tt.format}, Now: func() time.Time { return time.Time{} }}
			var got *briefOptions
			cmd := newCmdBriefWith(f, func(o *briefOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				var ue *usageError
				if strings.HasPrefix(tt.wantErr, "unknown command") {
					return
				}
				if !errors.As(err, &ue) {
					t.Errorf("err %v is not a usage error (exit 2)", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO, got.Factory = nil, nil
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestBriefRun checks the second half: briefRun with streams over buffers,
// on and off a terminal, writing into a temporary directory.
func TestBriefRun(t *testing.T) {
	for _, tty := range []bool{false, true} {
		dir := t.TempDir()
		io, out, errOut := testIO()
		io.IsTTY = tty
		now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
		f := &Factory{IO: io, Global: &globalOptions{}, Now: func() time.Time { return now }}
		opts := &briefOptions{IO: io, Factory: f, All: true, OutDir: dir, Template: "advocacy", Format: "md"}
		if err := briefRun(opts); err != nil {
			t.Fatal(err)
		}
		if want := "wrote 3 briefing packs (advocacy, md) to " + dir + "\n"; out.String() != want {
			t.Errorf("tty=%v: stdout %q, want %q", tty, out.String(), want)
		}
		if !tty && errOut.Len() != 0 {
			t.Errorf("not a terminal, yet stderr has %q", errOut.String())
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 3 {
			t.Errorf("tty=%v: %d files in the output directory, want 3 (no temporary files)", tty, len(entries))
		}
		// Santa Alba's statutes are Spanish, so its pack is; Eastmere's English
		for file, want := range map[string]string{"lacuna-xsa-advocacy.md": "# Nuestras peticiones", "lacuna-xea-advocacy.md": "# Our asks"} {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil || !bytes.Contains(b, []byte(want)) {
				t.Errorf("tty=%v: %s: %v, want %q\n%s", tty, file, err, want, b)
			}
		}
	}
}
