//! A person's grammatical gender, as far as the text shows it: an honorific
//! ("Mr. Hale", "Ms. Morrow"), a gendered title ("congresswoman",
//! "spokesman"), or a common first name. Used so that "she" does not
//! resolve to a man the text calls "Mr." (and "he" not to "Ms. Morrow").
//!
//! The first names are a list written for this project: common given names
//! in English-language news that are used for one sex far more than the
//! other. A name in neither list (or in both senses: "Jordan", "Taylor")
//! tells nothing.

/// What the text shows of a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
    /// Not known.
    Unknown,
}

impl Gender {
    /// Can a pronoun of gender `pronoun` refer to someone of this gender?
    pub fn agrees(self, pronoun: Gender) -> bool {
        self == Gender::Unknown || pronoun == Gender::Unknown || self == pronoun
    }

    /// The gender of a third-person pronoun (lower case), `Unknown` for others.
    pub fn of_pronoun(w: &str) -> Gender {
        match w {
            "he" | "him" | "his" | "himself" => Gender::Male,
            "she" | "her" | "hers" | "herself" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// The gender an honorific before a name shows ("Mr.", "Mrs.", "Ms.").
pub fn of_honorific(w: &str) -> Gender {
    match w {
        "Mr." | "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Brother" | "Sheikh" => Gender::Male,
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The gender a role shows ("spokeswoman", "congressman", "first lady").
pub fn of_role(role: &str) -> Gender {
    let mut g = Gender::Unknown;
    for w in role.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_ascii_lowercase();
        let this = if w.ends_with("woman") || matches!(w.as_str(), "lady" | "queen" | "princess" | "actress" | "mother" | "wife" | "daughter" | "sister" | "widow" | "grandmother") {
            Gender::Female
        } else if w.ends_with("man") && w != "human" || matches!(w.as_str(), "king" | "prince" | "actor" | "father" | "husband" | "son" | "brother" | "widower" | "grandfather") {
            Gender::Male
        } else {
            continue;
        };
        if g != Gender::Unknown && g != this {
            return Gender::Unknown;
        }
        g = this;
    }
    g
}

/// The gender a first name shows, when it is one of the common names used
/// for one sex.
pub fn of_first_name(w: &str) -> Gender {
    if FEMALE.binary_search(&w).is_ok() {
        Gender::Female
    } else if MALE.binary_search(&w).is_ok() {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Given names used mostly for women (sorted, for binary search).
const FEMALE: &[&str] = &[
    "Abigail", "Ada", "Adriana", "Agnes", "Aisha", "Alejandra", "Alexandra", "Alexandria", "Alice", "Alicia", "Alison", "Allison", "Amanda",
    "Amber", "Amelia", "Amira", "Amy", "Ana", "Anastasia", "Andrea", "Angela", "Angelina", "Anita", "Ann", "Anna", "Anne", "Annette", "Annie",
    "Antonia", "April", "Ashley", "Audrey", "Ayanna", "Barbara", "Beatrice", "Becky", "Belinda", "Bernadette", "Beth", "Betsy", "Betty",
    "Beverly", "Bonnie", "Brenda", "Bridget", "Brittany", "Camila", "Candace", "Carla", "Carly", "Carmen", "Carol", "Caroline", "Carolyn",
    "Catherine", "Cathy", "Charlotte", "Chelsea", "Cheryl", "Christina", "Christine", "Cindy", "Claire", "Clara", "Claudia", "Colleen",
    "Condoleezza", "Constance", "Cynthia", "Daisy", "Daniela", "Danielle", "Debbie", "Deborah", "Debra", "Della", "Denise", "Diana",
    "Diane", "Dianne", "Dolores", "Donna", "Doris", "Dorothy", "Edith", "Eileen", "Elaine", "Elena", "Elise", "Elizabeth", "Ella", "Ellen",
    "Eloise", "Elsa", "Emily", "Emma", "Erica", "Erin", "Esther", "Eva", "Evelyn", "Fatima", "Felicia", "Fiona", "Florence", "Frances",
    "Francesca", "Gabriela", "Gabrielle", "Gail", "Gina", "Gloria", "Grace", "Gretchen", "Hannah", "Harriet", "Hazel", "Heather", "Heidi",
    "Helen", "Helena", "Hillary", "Holly", "Ilhan", "Ingrid", "Irene", "Iris", "Isabel", "Isabella", "Ivanka", "Jacqueline",
    "Jane", "Janet", "Janice", "Jasmine", "Jeanne", "Jennifer", "Jenny", "Jessica", "Jill", "Joan", "Joanna", "Joanne", "Jocelyn",
    "Josephine", "Joyce", "Judith", "Judy", "Julia", "Julie", "Juliet", "June", "Justine", "Kamala", "Karen", "Kate", "Katherine",
    "Kathleen", "Kathryn", "Kathy", "Katie", "Katrina", "Kay", "Kayla", "Kimberly", "Kirsten", "Kristen", "Kristin", "Laura",
    "Lauren", "Leah", "Leila", "Lena", "Lillian", "Linda", "Lindsay", "Lisa", "Liz", "Lois", "Lorraine", "Louise",
    "Lucia", "Lucy", "Lydia", "Madeleine", "Madeline", "Maggie", "Margaret", "Margarita", "Margrethe", "Maria", "Marianne",
    "Marie", "Marilyn", "Marina", "Marjorie", "Marsha", "Martha", "Mary", "Maureen", "Maxine", "Megan", "Melania", "Melanie", "Melinda",
    "Melissa", "Meredith", "Mia", "Michele", "Michelle", "Mildred", "Miriam", "Molly", "Monica", "Nadia", "Nancy", "Naomi", "Natalia",
    "Natalie", "Natasha", "Nicole", "Nikki", "Nina", "Nora", "Norma", "Olga", "Olivia", "Pamela", "Patricia", "Paula", "Pauline", "Peggy",
    "Penelope", "Penny", "Phyllis", "Priya", "Rachel", "Rebecca", "Regina", "Renata", "Renee", "Rhonda", "Rita", "Roberta", "Rosa",
    "Rosalind", "Rose", "Rosemary", "Ruth", "Sabrina", "Sally", "Samantha", "Sandra", "Sara", "Sarah", "Sharon", "Sheila", "Shirley",
    "Sofia", "Sonia", "Sophia", "Sophie", "Stacey", "Stephanie", "Susan", "Susanna", "Suzanne", "Sylvia", "Tamara", "Tammy", "Tanya",
    "Teresa", "Theresa", "Tiffany", "Tina", "Tulsi", "Ursula", "Valerie", "Vanessa", "Vera", "Veronica", "Victoria", "Virginia",
    "Vivian", "Wanda", "Wendy", "Whitney", "Yvonne", "Zoe",
];

/// Given names used mostly for men (sorted, for binary search).
const MALE: &[&str] = &[
    "Aaron", "Abdul", "Abraham", "Adam", "Adrian", "Ahmed", "Alan", "Albert", "Alberto", "Alejandro", "Alexander", "Alexei", "Alfred", "Ali",
    "Allen", "Alvin", "Andre", "Andrew", "Andy", "Angelo", "Anthony", "Antonio", "Antony", "Arnold", "Arthur", "Barack", "Barry", "Ben",
    "Benjamin", "Bernard", "Bernie", "Bill", "Billy", "Bob", "Bobby", "Boris", "Brad", "Bradley", "Brandon", "Brett", "Brian", "Bruce",
    "Bryan", "Byron", "Calvin", "Carl", "Carlos", "Cecil", "Chad", "Charles", "Charlie", "Chris", "Christian", "Christopher", "Chuck",
    "Clarence", "Clark", "Claude", "Clifford", "Clint", "Colin", "Craig", "Curt", "Curtis", "Dale", "Dan", "Daniel", "Danny", "Darrell",
    "Dave", "David", "Dean", "Dennis", "Derek", "Dick", "Diego", "Dmitri", "Dominic", "Don", "Donald", "Doug", "Douglas", "Duane", "Dwight",
    "Earl", "Eddie", "Edgar", "Eduardo", "Edward", "Edwin", "Elijah", "Elliot", "Elliott", "Elon", "Emmanuel", "Eric", "Erik", "Ernest",
    "Eugene", "Evan", "Fernando", "Francis", "Francisco", "Frank", "Franklin", "Fred", "Frederick", "Gabriel", "Gareth", "Gary", "Gavin",
    "Gene", "Geoffrey", "George", "Gerald", "Gideon", "Gilbert", "Glenn", "Gordon", "Graham", "Greg", "Gregory", "Gustavo", "Hamid",
    "Hank", "Harold", "Harry", "Harvey", "Hassan", "Hector", "Henry", "Herbert", "Howard", "Hugh", "Hugo", "Hunter", "Ian", "Igor",
    "Isaac", "Ivan", "Jack", "Jacob", "Jake", "James", "Jared", "Jason", "Javier", "Jay", "Jeb", "Jeff", "Jeffrey", "Jeremy", "Jerome",
    "Jerry", "Jesse", "Jim", "Jimmy", "Joe", "Joel", "John", "Johnny", "Jon", "Jonathan", "Jorge", "Jose", "Joseph", "Josh", "Joshua",
    "Juan", "Julian", "Justin", "Karl", "Keith", "Ken", "Kenneth", "Kevin", "Kurt", "Kyle", "Lance", "Larry", "Lawrence", "Leo",
    "Leon", "Leonard", "Lewis", "Lloyd", "Louis", "Lucas", "Luis", "Luke", "Malcolm", "Manuel", "Marco", "Marcus", "Mario", "Mark",
    "Martin", "Marvin", "Matt", "Matthew", "Maurice", "Max", "Michael", "Miguel", "Mike", "Mitch", "Mitchell", "Mitt", "Mohammed",
    "Muhammad", "Nathan", "Neil", "Nelson", "Newt", "Nicholas", "Nick", "Nigel", "Norman", "Oliver", "Omar", "Oscar", "Otto", "Pablo",
    "Patrick", "Paul", "Pedro", "Peter", "Phil", "Philip", "Phillip", "Rafael", "Ralph", "Ramon", "Rand", "Randy", "Ray", "Raymond",
    "Reed", "Reggie", "Reginald", "Reince", "Richard", "Rick", "Ricky", "Rob", "Robert", "Roberto", "Rod", "Rodney", "Roger", "Roland",
    "Ron", "Ronald", "Ross", "Roy", "Rudy", "Russell", "Ryan", "Salman", "Sam", "Samuel", "Scott", "Sean", "Sergei", "Seth", "Shane",
    "Shawn", "Simon", "Stan", "Stanley", "Stephen", "Steve", "Steven", "Stuart", "Ted", "Theo", "Theodore", "Thomas", "Tim",
    "Timothy", "Todd", "Tom", "Tommy", "Tony", "Travis", "Trevor", "Troy", "Tyler", "Victor", "Vincent", "Vladimir", "Walter", "Warren",
    "Wayne", "Wesley", "William", "Willie", "Xi", "Yuri", "Zachary",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_apart() {
        assert!(FEMALE.windows(2).all(|w| w[0] < w[1]), "FEMALE is not sorted");
        assert!(MALE.windows(2).all(|w| w[0] < w[1]), "MALE is not sorted");
        assert!(FEMALE.iter().all(|n| MALE.binary_search(n).is_err()));
    }

    #[test]
    fn evidence() {
        assert_eq!(of_first_name("Bridget"), Gender::Female);
        assert_eq!(of_first_name("Michael"), Gender::Male);
        assert_eq!(of_first_name("Jordan"), Gender::Unknown);
        assert_eq!(of_honorific("Ms."), Gender::Female);
        assert_eq!(of_role("former congresswoman"), Gender::Female);
        assert_eq!(of_role("White House press secretary"), Gender::Unknown);
        assert_eq!(of_role("spokesman"), Gender::Male);
        assert!(Gender::Male.agrees(Gender::of_pronoun("he")));
        assert!(!Gender::Male.agrees(Gender::of_pronoun("she")));
        assert!(Gender::Unknown.agrees(Gender::of_pronoun("her")));
    }
}
