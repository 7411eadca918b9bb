// gate-packages: without nanoFramework.System.Math
namespace Ipenergy.Probe.Bad
{
    public static class MathWithoutPackage
    {
        public static double Rms(double sumOfSquares, int count)
        {
            return System.Math.Sqrt(sumOfSquares / count); // expect: CS0234
        }
    }
}
