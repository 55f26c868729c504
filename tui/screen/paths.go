package screen

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome replaces a leading "~" of a typed path with the home folder, as a shell would.
// It reads the environment: call it from a command, not from Update.
func ExpandHome(path string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") && !strings.HasPrefix(path, `~\`) {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, path[1:])
}
