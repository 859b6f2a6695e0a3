package workspace

import (
	"bytes"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// TestMapSnapshotCurrent: the embedded snapshot was made from the
// embedded files as they are, and decodes to the very map their YAML
// loads to (the loader's code included). When it fails, run
// go generate ./mapping.
func TestMapSnapshotCurrent(t *testing.T) {
	snap, ok := EmbeddedSnapshot(mapping.FS)
	if !ok {
		t.Fatalf("mapping/%s is missing or stale: run go generate ./mapping", mapping.SnapshotFile)
	}
	yaml, err := LoadMapYAML(MapSource{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snap, yaml) {
		t.Fatalf("mapping/%s decodes to another map than the YAML loads to (the loader changed?): run go generate ./mapping", mapping.SnapshotFile)
	}
	if MapHash(snap) != MapHash(yaml) || snap.LexiconHash != yaml.LexiconHash {
		t.Fatal("snapshot and YAML give different map hashes")
	}
	if m, err := LoadMap(MapSource{}); err != nil || m.Version != yaml.Version {
		t.Fatalf("LoadMap: %v, %v", m, err)
	}
}

// TestMapSnapshotStaleIsNotUsed: a snapshot beside files that changed
// since it was made is not used, nor is a damaged one.
func TestMapSnapshotStaleIsNotUsed(t *testing.T) {
	copyFS := func() fstest.MapFS {
		out := fstest.MapFS{}
		err := fs.WalkDir(mapping.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(mapping.FS, p)
			out[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fsys := copyFS()
	if _, ok := EmbeddedSnapshot(fsys); !ok {
		t.Fatal("the copied map's snapshot is not used")
	}
	fsys["map.yaml"].Data = append(append([]byte{}, fsys["map.yaml"].Data...), "\n# edited\n"...)
	if _, ok := EmbeddedSnapshot(fsys); ok {
		t.Error("a snapshot of files that changed since was used")
	}
	fsys = copyFS()
	fsys[mapping.SnapshotFile].Data = fsys[mapping.SnapshotFile].Data[:len(fsys[mapping.SnapshotFile].Data)/2]
	if _, ok := EmbeddedSnapshot(fsys); ok {
		t.Error("a truncated snapshot was used")
	}
	if _, _, err := standard.DecodeSnapshot([]byte("lacuna-map-snapshot 0\n")); err == nil {
		t.Error("another snapshot format decoded")
	}
}

// TestMapSnapshotDeterministic: the same map encodes to the same bytes
// (gob wrote maps in random order: the file changed at every go generate).
func TestMapSnapshotDeterministic(t *testing.T) {
	m, err := LoadMapYAML(MapSource{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := standard.EncodeSnapshot(m, "x")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		b, err := standard.EncodeSnapshot(m, "x")
		if err != nil || !bytes.Equal(a, b) {
			t.Fatalf("encoding %d differs from the first (%v)", i, err)
		}
	}
}
