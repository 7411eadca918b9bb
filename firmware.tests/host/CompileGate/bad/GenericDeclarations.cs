namespace Ipenergy.Probe.Bad
{
    public sealed class Box<T> // expect: NF0001
    {
        public T Value;
    }

    public static class GenericDeclarations
    {
        public static T First<T>(T[] items) // expect: NF0002
        {
            return items[0];
        }

        public static System.Action<int> Callback; // expect: NF0003
    }
}
