namespace Ipenergy.Probe.Bad
{
    public sealed class Async
    {
        public async void Poll() // expect: NF0006
        {
            await Next(); // expect: NF0006
        }

        private object Next()
        {
            return null;
        }
    }
}
