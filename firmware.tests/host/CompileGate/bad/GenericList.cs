namespace Ipenergy.Probe.Bad
{
    public sealed class GenericList
    {
        private readonly System.Collections.Generic.List<double> _readings = new System.Collections.Generic.List<double>(); // expect: NF0003 CS0234

        public int Count { get { return _readings.Count; } }
    }
}
