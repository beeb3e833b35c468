namespace Flowgen.Control;

/// <summary>One frame size of a UDP job: its size on the wire (FCS included), its weight in the mix, and the frames of that size the program handed out so far.</summary>
internal sealed record SizeClassFrames(int WireSize, int Weight, long HandedOut);
