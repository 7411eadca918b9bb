using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;
using Xunit;

namespace Ipenergy.Probe.Tests.NanoTestFramework
{
    /// <summary>
    /// Runs every [TestMethod] of every [TestClass] in firmware.tests/unit as its own xUnit case, with
    /// the class's [Setup] before and [Cleanup] after, as nanoFramework's runner does on a device.
    /// A [DataRow] method gives one case per row.
    /// </summary>
    public class NanoTestRunner
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (Type type in typeof(NanoTestRunner).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<TestClassAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                foreach (MethodInfo method in TestMethods(type))
                {
                    DataRowAttribute[] rows = method.GetCustomAttributes<DataRowAttribute>().ToArray();
                    if (rows.Length == 0)
                    {
                        yield return new object[] { type.Name + "." + method.Name, -1 };
                    }

                    for (int i = 0; i < rows.Length; i++)
                    {
                        yield return new object[] { type.Name + "." + method.Name, i };
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string test, int dataRow)
        {
            string[] parts = test.Split('.');
            Type type = typeof(NanoTestRunner).Assembly.GetTypes().Single(t => t.Name == parts[0] && t.GetCustomAttribute<TestClassAttribute>() != null);
            MethodInfo method = TestMethods(type).Single(m => m.Name == parts[1]);
            object instance = Activator.CreateInstance(type);
            Invoke(type, instance, typeof(SetupAttribute));
            try
            {
                object[] args = dataRow < 0 ? null : method.GetCustomAttributes<DataRowAttribute>().ElementAt(dataRow).MethodParameters;
                try
                {
                    method.Invoke(instance, args);
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
            finally
            {
                Invoke(type, instance, typeof(CleanupAttribute));
            }
        }

        private static IEnumerable<MethodInfo> TestMethods(Type type)
        {
            return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null || m.GetCustomAttributes<DataRowAttribute>().Any())
                .OrderBy(m => m.Name, StringComparer.Ordinal);
        }

        private static void Invoke(Type type, object instance, Type attribute)
        {
            foreach (MethodInfo m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute(attribute) != null))
            {
                try
                {
                    m.Invoke(m.IsStatic ? null : instance, null);
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
        }
    }
}
