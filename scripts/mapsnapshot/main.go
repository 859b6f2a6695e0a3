// Command mapsnapshot writes mapping/snapshot.bin: the embedded map loaded
// from its YAML and encoded (standard.EncodeSnapshot) with the hash of the
// files it was loaded from. Run it after changing anything in mapping/:
//
//	go generate ./mapping
//
// TestMapSnapshotCurrent fails while the snapshot is stale; a stale
// snapshot is never used (the map is then loaded from its YAML).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/workspace"
	"github.com/lacuna-project/lacuna/mapping"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mapsnapshot:", err)
		os.Exit(1)
	}
}

func run() error {
	// go generate runs in the package's directory (mapping/)
	dir := "."
	if _, err := os.Stat(filepath.Join(dir, "map.yaml")); err != nil {
		dir = "mapping"
	}
	// the snapshot is of the embedded map (positions name "mapping/…"),
	// which must be the files on disk: go run builds with them
	m, err := workspace.LoadMapYAML(workspace.MapSource{})
	if err != nil {
		return err
	}
	source, err := standard.SourceHash(os.DirFS(dir), mapping.SnapshotFile)
	if err != nil {
		return err
	}
	if embedded, err := standard.SourceHash(mapping.FS, mapping.SnapshotFile); err != nil || embedded != source {
		return fmt.Errorf("the files in %s differ from those embedded in this build; run it with go generate ./mapping (go run rebuilds)", dir)
	}
	b, err := standard.EncodeSnapshot(m, source)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, mapping.SnapshotFile)
	tmp, err := os.CreateTemp(dir, ".snapshot-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	fmt.Printf("wrote %s (%d bytes)\n", out, len(b))
	return nil
}
