package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

// CorpusFile is what a scan of a corpus directory learnt about one file:
// its size and modification time (nanoseconds), content hash and front
// matter.
type CorpusFile struct {
	Path  string // inside the corpus directory, slash-separated
	Size  int64
	MTime int64
	// SHA256 is the content hash (hex), "" when the file has not been
	// hashed yet (only its front matter was read).
	SHA256      string
	StatuteID   string
	Country     string
	VersionDate string
	Language    string
	Title       string
	ShortTitle  string
}

// catalogMagic starts every encoded catalog; another start (an older
// encoding, a damaged row) reads as an empty catalog, so every file is
// looked at again. (Version 2: a file's hash may be missing.)
const catalogMagic = "lacuna-catalog-2\n"

// CorpusCatalog returns the files recorded for the corpus directory root,
// in the order they were recorded; none when nothing is recorded or the
// record cannot be decoded.
func (s *Store) CorpusCatalog(ctx context.Context, root string) ([]CorpusFile, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM corpus_catalogs WHERE root = ?`, root).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read corpus catalog: %w", err)
	}
	files, ok := decodeCatalog(data)
	if !ok {
		return nil, nil
	}
	return files, nil
}

// PutCorpusCatalog records files as the catalog of the corpus directory
// root, replacing the one before (one short write transaction).
func (s *Store) PutCorpusCatalog(ctx context.Context, root string, files []CorpusFile) error {
	data, err := encodeCatalog(files)
	if err != nil {
		return fmt.Errorf("record corpus catalog: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO corpus_catalogs (root, data) VALUES (?, ?)
		ON CONFLICT (root) DO UPDATE SET data = excluded.data`, root, data); err != nil {
		return fmt.Errorf("record corpus catalog: %w", err)
	}
	return nil
}

func encodeCatalog(files []CorpusFile) ([]byte, error) {
	b := append([]byte(catalogMagic), make([]byte, 0, 160*len(files))...)
	b = binary.AppendUvarint(b, uint64(len(files)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, f := range files {
		var sha []byte
		if f.SHA256 != "" {
			var err error
			sha, err = hex.DecodeString(f.SHA256)
			if err != nil || len(sha) != 32 {
				return nil, fmt.Errorf("file %s: content hash %q is not a SHA-256", f.Path, f.SHA256)
			}
		}
		str(f.Path)
		b = binary.AppendVarint(b, f.Size)
		b = binary.AppendVarint(b, f.MTime)
		b = append(b, byte(len(sha))) // 32, or 0: not hashed
		b = append(b, sha...)
		for _, s := range []string{f.StatuteID, f.Country, f.VersionDate, f.Language, f.Title, f.ShortTitle} {
			str(s)
		}
	}
	return b, nil
}

// decodeCatalog decodes encodeCatalog's bytes; ok is false for anything
// else (never a panic: the bytes come from a file).
func decodeCatalog(b []byte) (files []CorpusFile, ok bool) {
	if len(b) < len(catalogMagic) || string(b[:len(catalogMagic)]) != catalogMagic {
		return nil, false
	}
	b = b[len(catalogMagic):]
	// every string is a slice of one copy of the bytes (one allocation,
	// not nine a file: a search decodes 10,000 files)
	all := string(b)
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	sv := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	str := func() string {
		n := uv()
		if bad || n > uint64(len(b)) {
			bad = true
			return ""
		}
		off := len(all) - len(b)
		b = b[n:]
		return all[off : off+int(n)]
	}
	n := uv()
	if bad || n > uint64(len(b)) {
		return nil, false
	}
	files = make([]CorpusFile, 0, n)
	for i := uint64(0); i < n && !bad; i++ {
		var f CorpusFile
		f.Path = str()
		f.Size, f.MTime = sv(), sv()
		if len(b) < 1 || (b[0] != 0 && b[0] != 32) || len(b) < 1+int(b[0]) {
			return nil, false
		}
		if n := int(b[0]); n > 0 {
			f.SHA256 = hex.EncodeToString(b[1 : 1+n])
		}
		b = b[1+int(b[0]):]
		f.StatuteID, f.Country, f.VersionDate, f.Language, f.Title, f.ShortTitle = str(), str(), str(), str(), str(), str()
		files = append(files, f)
	}
	if bad || len(b) != 0 {
		return nil, false
	}
	return files, true
}
