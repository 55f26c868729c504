package imports

// scroller is a window on a long list of items of varying heights (a user and their changed
// fields; an error wrapped on several lines). Only the items on screen are ever rendered, so a
// diff of a hundred thousand users scrolls as fast as one of ten.
type scroller struct {
	offset int // the first item on show
}

// window renders the items from the offset until height lines are full; item renders one
// item as lines. It returns the lines and the index after the last item shown whole.
func (s scroller) window(n, height int, item func(i int) []string) ([]string, int) {
	var lines []string
	i := min(s.offset, max(n-1, 0))
	for ; i < n && len(lines) < height; i++ {
		ls := item(i)
		if len(lines)+len(ls) > height && len(lines) > 0 {
			break
		}
		lines = append(lines, ls...)
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return lines, i
}

// scroll moves the window by delta items, never past the point where the last item shows at
// the bottom of a window of height lines.
func (s *scroller) scroll(delta, n, height int, itemHeight func(i int) int) {
	s.offset = min(max(s.offset+delta, 0), lastStart(n, height, itemHeight))
}

// page moves the window a screenful down (or up) given the items' heights.
func (s *scroller) page(down bool, n, height int, itemHeight func(i int) int) {
	used, i := 0, s.offset
	if down {
		for i < n-1 && used+itemHeight(i) <= height {
			used += itemHeight(i)
			i++
		}
		s.offset = min(max(i, s.offset+1), lastStart(n, height, itemHeight))
		return
	}
	for i > 0 && used+itemHeight(i-1) <= height {
		i--
		used += itemHeight(i)
	}
	s.offset = max(min(i, s.offset-1), 0)
}

// end moves the window to the first item, or to the last screenful.
func (s *scroller) end(last bool, n, height int, itemHeight func(i int) int) {
	s.offset = 0
	if last {
		s.offset = lastStart(n, height, itemHeight)
	}
}

// lastStart is the offset that shows the last items filling the window: it walks back one
// screenful from the end, so it costs what a render costs.
func lastStart(n, height int, itemHeight func(i int) int) int {
	used, i := 0, n
	for i > 0 && used+itemHeight(i-1) <= height {
		i--
		used += itemHeight(i)
	}
	return min(i, max(n-1, 0))
}
