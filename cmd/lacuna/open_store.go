package main

import (
	"path/filepath"
	"strings"
)

// dbPath resolves the store location: --db, else $XDG_DATA_HOME/lacuna/lacuna.db,
// else $HOME/.local/share/lacuna/lacuna.db (the XDG fallback).
func dbPath(f *Factory) (string, error) {
	if f.Global.DB != "" {
		return f.Global.DB, nil
	}
	env := envMap(f.Environ)
	if d := env["XDG_DATA_HOME"]; d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "lacuna", "lacuna.db"), nil
	}
	if h := env["HOME"]; h != "" {
		return filepath.Join(h, ".local", "share", "lacuna", "lacuna.db"), nil
	}
	return "", errNoDB
}

// errNoDB is the usage error for a store needed with no location.
var errNoDB = usageErrorf("no database location: set --db, XDG_DATA_HOME or HOME")

func envMap(environ []string) map[string]string {
	m := make(map[string]string, len(environ))
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}
