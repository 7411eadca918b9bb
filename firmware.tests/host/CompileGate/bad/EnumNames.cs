using System.Text;

namespace Ipenergy.Probe.Bad
{
    public enum Mode
    {
        Idle,
        Metering,
    }

    public static class EnumNames
    {
        public static string Describe(Mode mode, StringBuilder sb)
        {
            string a = mode.ToString(); // expect: NF0013
            string b = "mode " + mode; // expect: NF0013
            sb.Append(mode); // expect: NF0013
            return a + b;
        }
    }
}
