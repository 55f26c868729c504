package mailmerge

import (
	"bytes"
	"log/slog"
)

// logged returns what a JSON slog handler writes for v.
func logged(v any) string {
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("config", "smtp", v)
	return buf.String()
}
