package standard

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strings"
)

// A snapshot is a loaded map encoded (snapcodec.go), beside the hash
// of the files it was loaded from: the embedded map ships one
// (mapping/snapshot.bin, made by go generate ./mapping), so that a
// command decodes the map in a few milliseconds instead of parsing and
// checking a megabyte of YAML (about 100 ms, the floor of every command
// that reads the map). A snapshot is used only when its hash is that of
// the files beside it; any other map is loaded from its YAML.

// snapshotMagic opens every snapshot; another opening (an older format)
// is no snapshot.
const snapshotMagic = "lacuna-map-snapshot 2\n"

// lexiconSnapshot is a Lexicon's encoded form (its phrases are private).
type lexiconSnapshot struct {
	Classes   []LexClass
	Hash      string
	Catalogue string
	Langs     map[string]map[string][]string
}

// snapshotBody is what a snapshot holds after its magic line.
type snapshotBody struct {
	Source  string
	Map     Map
	Lexicon *lexiconSnapshot
}

// EncodeSnapshot encodes m, loaded from files whose SourceHash is source.
// The same map gives the same bytes (snapcodec.go).
func EncodeSnapshot(m *Map, source string) ([]byte, error) {
	body := snapshotBody{Source: source, Map: *m}
	body.Map.Lexicon = nil
	if m.Lexicon != nil {
		body.Lexicon = &lexiconSnapshot{Classes: m.Lexicon.Classes, Hash: m.Lexicon.Hash, Catalogue: m.Lexicon.Catalogue, Langs: m.Lexicon.langs}
	}
	w := snapWriter{b: []byte(snapshotMagic)}
	if err := w.value(reflect.ValueOf(&body).Elem()); err != nil {
		return nil, fmt.Errorf("encode map snapshot: %w", err)
	}
	return w.b, nil
}

// DecodeSnapshot decodes a snapshot made by EncodeSnapshot and returns
// its map and the source hash it was made from.
func DecodeSnapshot(b []byte) (*Map, string, error) {
	if !bytes.HasPrefix(b, []byte(snapshotMagic)) {
		return nil, "", errors.New("not a map snapshot of this version")
	}
	var body snapshotBody
	r := snapReader{b: b[len(snapshotMagic):]}
	if err := r.value(reflect.ValueOf(&body).Elem()); err != nil {
		return nil, "", fmt.Errorf("decode map snapshot: %w", err)
	}
	if len(r.b) != 0 {
		return nil, "", errors.New("decode map snapshot: trailing bytes")
	}
	m := body.Map
	if lx := body.Lexicon; lx != nil {
		m.Lexicon = &Lexicon{Classes: lx.Classes, Hash: lx.Hash, Catalogue: lx.Catalogue, langs: lx.Langs}
	}
	return &m, body.Source, nil
}

// SourceHash hashes every file of fsys (paths and contents, in path
// order) except those named in skip: the identity of a map directory.
func SourceHash(fsys fs.FS, skip ...string) (string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && !contains(skip, p) && !strings.HasSuffix(p, ".go") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", err
		}
		var l [8]byte
		binary.LittleEndian.PutUint64(l[:], uint64(len(b)))
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(l[:])
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
