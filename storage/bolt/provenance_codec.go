package bolt

import (
	"encoding/json"
	"slices"
	"strconv"

	"rollcall/model"
	"rollcall/storage"
)

// provenanceEntry is one origin and the fields it set. A user's provenance is stored as a list
// grouped by origin: an imported user has one origin for all their fields, so the file name is
// written once, not once a field.
type provenanceEntry struct {
	Fields model.FieldSet `json:"f"`
	Run    model.ID       `json:"r,omitempty"`
	File   string         `json:"file"`
	Line   int            `json:"l"`
}

func encodeProvenance(p model.Provenance) ([]byte, error) {
	var entries []provenanceEntry
	fields := make([]model.Field, 0, len(p))
	for f := range p {
		fields = append(fields, f)
	}
	slices.Sort(fields) // a stable encoding for equal provenances
	for _, f := range fields {
		o := p[f]
		i := slices.IndexFunc(entries, func(e provenanceEntry) bool { return e.Run == o.Run && e.File == o.File && e.Line == o.Line })
		if i < 0 {
			entries = append(entries, provenanceEntry{Run: o.Run, File: o.File, Line: o.Line})
			i = len(entries) - 1
		}
		entries[i].Fields = entries[i].Fields.With(f)
	}
	return json.Marshal(entries)
}

func decodeProvenance(raw []byte) (model.Provenance, error) {
	var entries []provenanceEntry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, storage.ErrCorrupt
	}
	p := model.Provenance{}
	for _, e := range entries {
		for bit := model.Field(1); bit != 0; bit <<= 1 {
			if e.Fields.Has(bit) {
				p[bit] = model.Origin{Run: e.Run, File: e.File, Line: e.Line}
			}
		}
	}
	return p, nil
}

// appendOneOrigin appends the encoding of a provenance whose fields all come from one origin,
// byte for byte what encodeProvenance writes for it, without the map and the reflection.
func appendOneOrigin(dst []byte, fields model.FieldSet, o model.Origin) []byte {
	dst = append(dst, `[{"f":`...)
	dst = strconv.AppendUint(dst, uint64(fields), 10)
	if o.Run != 0 {
		dst = append(dst, `,"r":`...)
		dst = strconv.AppendUint(dst, uint64(o.Run), 10)
	}
	dst = append(dst, `,"file":`...)
	dst = appendJSONString(dst, o.File)
	dst = append(dst, `,"l":`...)
	dst = strconv.AppendInt(dst, int64(o.Line), 10)
	return append(dst, "}]"...)
}

// appendJSONString appends s as encoding/json writes it: as it is when nothing in it needs
// escaping, through encoding/json otherwise.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			raw, _ := json.Marshal(s) // a string always encodes
			return append(dst, raw...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}
