package screen

// BackHandler is a screen with steps of its own (a running job to cancel, a previous step to
// return to). While HandlesBack is true the root gives it the back key instead of closing it;
// the screen sends BackMsg itself once there is nothing left to go back from.
type BackHandler interface {
	HandlesBack() bool
}

// HandlesBack reports whether s wants the back key for itself now.
func HandlesBack(s Screen) bool {
	b, ok := s.(BackHandler)
	return ok && b.HandlesBack()
}
