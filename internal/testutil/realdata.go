package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// RealDataDir locates the shared real data (statutes, treaty texts,
// ratifications): $LACUNA_REALDATA when set, else ../shared/realdata beside
// the repository root, found by walking up from the working directory to the
// folder holding go.mod. It returns an error saying why when the folder or
// its statutes/ are absent.
func RealDataDir() (string, error) {
	if d := os.Getenv("LACUNA_REALDATA"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "statutes")); err != nil {
			return "", fmt.Errorf("LACUNA_REALDATA=%s has no statutes folder: %w", d, err)
		}
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "realdata")
	if _, err := os.Stat(filepath.Join(d, "statutes")); err != nil {
		return "", fmt.Errorf("no real data at %s: %w", d, err)
	}
	return d, nil
}

// RealData returns RealDataDir, or skips the test with the reason.
func RealData(tb testing.TB) string {
	tb.Helper()
	d, err := RealDataDir()
	if err != nil {
		tb.Skipf("real data not found (set LACUNA_REALDATA or place shared/realdata beside the repository): %v", err)
	}
	return d
}
