package main

import (
	"context"
	"strings"
	"testing"
)

// TestMappingExitCodes checks the exit status of the mapping commands: 0 on
// the embedded map, 2 for a bad map directory or a bad flag.
func TestMappingExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"embedded map validates", []string{"mapping", "validate"}, 0, ""},
		{"bad map", []string{"mapping", "validate", "../../testdata/badmap/unknown-pillar"}, 2,
			`unknown pillar "prosecutoin"`},
		{"missing directory", []string{"mapping", "validate", "no/such/dir"}, 2, "no such directory"},
		{"bad pillar flag", []string{"mapping", "list", "--pillar", "x"}, 2, `unknown --pillar "x"`},
		{"unknown requirement", []string{"mapping", "show", "def.nothing"}, 2, `unknown requirement "def.nothing"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, errOut := testIO()
			code := run(context.Background(), tt.args, nil, io)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderr)
			}
		})
	}
}
