package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func corpusFactory() *Factory {
	io, _, _ := testIO()
	return &Factory{IO: io, Global: &globalOptions{}, Getwd: os.Getwd}
}

// TestCorpusFlags checks flags → options through the runF seam.
func TestCorpusFlags(t *testing.T) {
	f := corpusFactory()
	var got *corpusShowOptions
	cmd := newCmdCorpusShow(f, func(o *corpusShowOptions) error { got = o; return nil })
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetArgs([]string{"ken/ctip-act-2010@2012"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Ref.ID != "ken/ctip-act-2010" || got.Ref.Date != "2012" {
		t.Errorf("ref = %+v", got.Ref)
	}
	cmd = newCmdCorpusShow(f, func(o *corpusShowOptions) error { return nil })
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetArgs([]string{"Bad Id"})
	if err := cmd.Execute(); exitCode(err) != exitInput {
		t.Errorf("bad reference: exit %d, want %d (%v)", exitCode(err), exitInput, err)
	}
	var v *corpusValidateOptions
	cmd = newCmdCorpusValidate(f, func(o *corpusValidateOptions) error { v = o; return nil })
	cmd.SetArgs([]string{"some/dir"})
	if err := cmd.Execute(); err != nil || v.Dir != "some/dir" {
		t.Errorf("validate DIR: %v %+v", err, v)
	}
}

// TestCorpusValidateRealData: every real statute loads with zero errors,
// so "lacuna corpus validate ../shared/realdata/statutes" exits 0.
func TestCorpusValidateRealData(t *testing.T) {
	dir := realdataDir()
	if dir == "" {
		t.Skip("real data not found at ../shared/realdata (set LACUNA_REALDATA)")
	}
	io, out, errOut := testIO()
	f := &Factory{IO: io, Global: &globalOptions{}}
	err := corpusValidateRun(&corpusValidateOptions{IO: io, Factory: f, Dir: filepath.Join(dir, "statutes")})
	if code := exitCode(err); code != exitOK {
		t.Fatalf("exit %d, want 0\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut.String(), " 0 errors, ") || !strings.Contains(errOut.String(), "16 files (lacuna front matter), 13 statutes") {
		t.Errorf("summary = %q", errOut.String())
	}
	if strings.Contains(out.String(), ": warning: ") == false {
		t.Errorf("the OCR-damaged file should give warnings")
	}
}
