package roster

import "rollcall/model"

// Fit says how well a format fits one file, for detection and for the error that lists the
// formats tried.
type Fit struct {
	Format  Format
	OK      bool
	Matched int           // columns of the format the file has
	Missing []string      // what the file lacks for this format, when !OK
	Profile model.Profile // the profile of a one-profile file, when known
}
