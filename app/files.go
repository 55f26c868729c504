package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeFile writes dest whole or not at all: write fills a temporary file beside it, which is
// synced, made readable by its owner only and renamed over dest. On failure, or when write
// fails (a cancelled export, say), dest is untouched and the temporary file removed. Errors
// name dest as a write error, never the temporary file.
func writeFile(dest string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return writeError(dest, err)
	}
	defer os.Remove(tmp.Name()) // gone once renamed; the leftover of a failure otherwise
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dest)
	}
	if err != nil {
		return writeError(dest, err)
	}
	return nil
}

// writeError says that dest could not be written, and why. Errors that are not about the file
// (a cancelled context, a store error) pass unchanged.
func writeError(dest string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return &fs.PathError{Op: "write", Path: dest, Err: pe.Err}
}
