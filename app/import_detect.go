package app

import (
	"context"

	"rollcall/importers"
)

// DetectImport says what each input of an import is (format, encoding, separator, headers and
// a few rows), for the preview a face shows before importing. It reads only what it shows and
// writes nothing; an input that cannot be opened is an error, as for Import.
func (s *Session) DetectImport(ctx context.Context, inputs []importers.Input) ([]importers.Detection, error) {
	if _, err := s.acting(ctx); err != nil {
		return nil, err
	}
	return importers.Detect(inputs)
}
