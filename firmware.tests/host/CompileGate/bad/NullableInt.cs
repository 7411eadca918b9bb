namespace Ipenergy.Probe.Bad
{
    public sealed class NullableInt
    {
        private int? _lastCode; // expect: NF0010 CS0518

        public bool HasCode { get { return _lastCode != null; } }
    }
}
