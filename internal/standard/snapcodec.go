package standard

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
)

// The snapshot's encoding: a walk of the value by reflection that writes
// the exported fields of structs in order, slices and maps with their
// length (0 for nil, n+1 otherwise, so nil and empty stay apart), map
// keys sorted, strings as length and bytes, numbers as varints or IEEE
// bits. encoding/gob wrote maps in Go's random iteration order, so the
// same map gave another file each time it was made; this gives the same
// bytes for the same map.

type snapWriter struct{ b []byte }

func (w *snapWriter) uvarint(x uint64) { w.b = binary.AppendUvarint(w.b, x) }

func (w *snapWriter) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.b = append(w.b, 1)
		} else {
			w.b = append(w.b, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.b = binary.AppendVarint(w.b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v.Float()))
	case reflect.String:
		w.uvarint(uint64(v.Len()))
		w.b = append(w.b, v.String()...)
	case reflect.Pointer:
		if v.IsNil() {
			w.b = append(w.b, 0)
			return nil
		}
		w.b = append(w.b, 1)
		return w.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			w.uvarint(0)
			return nil
		}
		w.uvarint(uint64(v.Len()) + 1)
		for i := 0; i < v.Len(); i++ {
			if err := w.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			w.uvarint(0)
			return nil
		}
		if v.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("map key %s, expected string keys", v.Type().Key())
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		w.uvarint(uint64(len(keys)) + 1)
		for _, k := range keys {
			if err := w.value(k); err != nil {
				return err
			}
			if err := w.value(v.MapIndex(k)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				return fmt.Errorf("%s.%s is not exported, expected exported fields only", t, t.Field(i).Name)
			}
			if err := w.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("cannot encode a %s", v.Type())
	}
	return nil
}

type snapReader struct{ b []byte }

var errSnapShort = errors.New("snapshot ends early")

func (r *snapReader) uvarint() (uint64, error) {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		return 0, errSnapShort
	}
	r.b = r.b[n:]
	return x, nil
}

func (r *snapReader) byte() (byte, error) {
	if len(r.b) == 0 {
		return 0, errSnapShort
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c, nil
}

func (r *snapReader) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		c, err := r.byte()
		v.SetBool(c == 1)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(r.b)
		if n <= 0 {
			return errSnapShort
		}
		r.b = r.b[n:]
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		x, err := r.uvarint()
		v.SetUint(x)
		return err
	case reflect.Float32, reflect.Float64:
		if len(r.b) < 8 {
			return errSnapShort
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(r.b)))
		r.b = r.b[8:]
	case reflect.String:
		n, err := r.uvarint()
		if err != nil || uint64(len(r.b)) < n {
			return errSnapShort
		}
		v.SetString(string(r.b[:n]))
		r.b = r.b[n:]
	case reflect.Pointer:
		c, err := r.byte()
		if err != nil || c == 0 {
			return err
		}
		p := reflect.New(v.Type().Elem())
		if err := r.value(p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		n, err := r.uvarint()
		if err != nil || n == 0 {
			return err
		}
		if n-1 > uint64(len(r.b)) {
			return errSnapShort // every element takes a byte at least
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := 0; i < int(n-1); i++ {
			if err := r.value(s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		n, err := r.uvarint()
		if err != nil || n == 0 {
			return err
		}
		if n-1 > uint64(len(r.b)) {
			return errSnapShort
		}
		m := reflect.MakeMapWithSize(v.Type(), int(n-1))
		for i := 0; i < int(n-1); i++ {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			if err := r.value(k); err != nil {
				return err
			}
			if err := r.value(e); err != nil {
				return err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if err := r.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("cannot decode a %s", v.Type())
	}
	return nil
}
