using System;
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host implementation of the nanoFramework.TestFramework Assert members the shared tests use.
    /// Semantics follow the device package: exact equality (doubles too), message appended on failure.
    /// </summary>
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(int expected, int actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(long expected, long actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(uint expected, uint actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(ulong expected, ulong actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(short expected, short actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(ushort expected, ushort actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(byte expected, byte actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(char expected, char actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(double expected, double actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(float expected, float actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(string expected, string actual, string message = "") => Check(string.Equals(expected, actual, StringComparison.Ordinal), expected, actual, message);

        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(object expected, object actual, string message = "") => Check(Equals(expected, actual), expected, actual, message);

        public static void AreNotEqual(int notExpected, int actual, string message = "") => CheckNot(notExpected != actual, notExpected, message);

        public static void AreNotEqual(long notExpected, long actual, string message = "") => CheckNot(notExpected != actual, notExpected, message);

        public static void AreNotEqual(double notExpected, double actual, string message = "") => CheckNot(!notExpected.Equals(actual), notExpected, message);

        public static void AreNotEqual(string notExpected, string actual, string message = "") => CheckNot(!string.Equals(notExpected, actual, StringComparison.Ordinal), notExpected, message);

        public static void AreNotEqual(object notExpected, object actual, string message = "") => CheckNot(!Equals(notExpected, actual), notExpected, message);

        public static void AreSame(object expected, object actual, string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                throw new AssertFailedException("Assert.AreSame failed. " + message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                throw new AssertFailedException("Assert.AreNotSame failed. " + message);
            }
        }

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                throw new AssertFailedException("Assert.IsTrue failed. " + message);
            }
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                throw new AssertFailedException("Assert.IsFalse failed. " + message);
            }
        }

        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                throw new AssertFailedException("Assert.IsNull failed. " + message);
            }
        }

        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                throw new AssertFailedException("Assert.IsNotNull failed. " + message);
            }
        }

        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            if (value == null || !expected.IsInstanceOfType(value))
            {
                throw new AssertFailedException("Assert.IsInstanceOfType failed. " + message);
            }
        }

        public static void Contains(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.Contains(expected, StringComparison.Ordinal))
            {
                throw new AssertFailedException("Assert.Contains failed: '" + expected + "' not in '" + value + "'. " + message);
            }
        }

        public static void DoesNotContains(string notExpected, string value, string message = "")
        {
            if (value != null && notExpected != null && value.Contains(notExpected, StringComparison.Ordinal))
            {
                throw new AssertFailedException("Assert.DoesNotContains failed: '" + notExpected + "' in '" + value + "'. " + message);
            }
        }

        public static void StartsWith(string expected, string value, string message = "")
        {
            if (value == null || !value.StartsWith(expected, StringComparison.Ordinal))
            {
                throw new AssertFailedException("Assert.StartsWith failed: '" + value + "'. " + message);
            }
        }

        public static void EndsWith(string expected, string value, string message = "")
        {
            if (value == null || !value.EndsWith(expected, StringComparison.Ordinal))
            {
                throw new AssertFailedException("Assert.EndsWith failed: '" + value + "'. " + message);
            }
        }

        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (exception.IsInstanceOfType(ex))
                {
                    return;
                }

                throw new AssertFailedException("Assert.ThrowsException: expected " + exception.Name + ", got " + ex.GetType().Name + ". " + message, ex);
            }

            throw new AssertFailedException("Assert.ThrowsException: expected " + exception.Name + ", nothing was thrown. " + message);
        }

        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static void Check(bool ok, object expected, object actual, string message)
        {
            if (!ok)
            {
                throw new AssertFailedException("Assert.AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
            }
        }

        private static void CheckNot(bool ok, object notExpected, string message)
        {
            if (!ok)
            {
                throw new AssertFailedException("Assert.AreNotEqual failed. Not expected:<" + notExpected + ">. " + message);
            }
        }
    }

    public sealed class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!SameItems(expected, actual))
            {
                throw new AssertFailedException("CollectionAssert.AreEqual failed. " + message);
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (SameItems(notExpected, actual))
            {
                throw new AssertFailedException("CollectionAssert.AreNotEqual failed. " + message);
            }
        }

        private static bool SameItems(ICollection a, ICollection b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
